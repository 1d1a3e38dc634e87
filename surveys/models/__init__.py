"""All models; importing this module registers every table on `Base.metadata`."""

from surveys import versioning  # noqa: F401  (raises questionnaire_version on every flush)
from surveys.models.coding import AnswerTranslation, Theme, TranslationOrigin, answer_theme
from surveys.models.consultation import (
    Committee,
    Consultation,
    Meeting,
    Option,
    Question,
    Section,
    StakeholderGroup,
)
from surveys.models.jobs import Job, JobItem
from surveys.models.oparl import AgendaItem, OParlBody, OParlPaper, OParlSync
from surveys.models.outcome import Outcome
from surveys.models.participation import Answer, Invitation, PaperCheck, Response
from surveys.models.report import ReportSettings
from surveys.models.site import SiteText
from surveys.models.staff import AuditEvent, User

__all__ = [
    "AgendaItem",
    "Answer",
    "AnswerTranslation",
    "AuditEvent",
    "Committee",
    "Consultation",
    "Invitation",
    "Job",
    "JobItem",
    "Meeting",
    "PaperCheck",
    "OParlBody",
    "Outcome",
    "OParlPaper",
    "OParlSync",
    "Option",
    "ReportSettings",
    "Question",
    "Response",
    "Section",
    "SiteText",
    "StakeholderGroup",
    "Theme",
    "TranslationOrigin",
    "User",
    "answer_theme",
]
