"""The demo consultation coded the way facilitators would before they export the report:
themes with fields of action, marked quotes with translations, open points with line breaks."""

from __future__ import annotations

from sqlalchemy import select

from surveys.models import Answer, Consultation, Question, ReportSettings, User
from surveys.reviewing import answer_translations, coding

SLUG = "integrationsgipfel-2027"
OPEN_POINTS = {
    "de": "Kitaplätze: Zahlen fehlen noch.\nDolmetschpool: Finanzierung offen 🤝",
    "ar": "أماكن الحضانة: الأرقام ما زالت ناقصة.\nمجموعة المترجمين: التمويل غير محسوم 🤝",
}
TRANSLATIONS = {
    "de": "Sinngemäß übersetzt: Antwort Nummer {n} aus der Beteiligung.",
    "ar": "ترجمة بالمعنى: الإجابة رقم {n} من المشاركة.",
}
THEMES = (
    ("Wohnraum", "housing"),
    ("Sprachkurse", "language_education"),
    ("Anerkennung von Abschlüssen", "labour_market"),
)


def arrange(runner, session, responses: int = 60) -> Consultation:
    """Load the demo, code its free text and save report settings; returns the consultation."""
    result = runner.invoke(args=["demo", "load", "--responses", str(responses)])
    assert result.exit_code == 0, result.output
    consultation = session.scalars(select(Consultation).where(Consultation.slug == SLUG)).one()
    user = session.scalars(select(User)).first()
    themes = [
        coding.save_theme(
            session,
            consultation,
            label=label,
            language="de",
            field_of_action=field,
            user=user,
        )
        for label, field in THEMES
    ]
    session.flush()
    free = session.scalars(
        select(Answer)
        .join(Question)
        .where(
            Question.consultation_id == consultation.id,
            Question.kind.in_(("long_text", "short_text")),
            Answer.text.is_not(None),
        )
        .order_by(Answer.id)
    ).all()
    for index, answer in enumerate(free):
        theme = themes[index % len(themes)]
        coding.assign(session, consultation, theme, [answer.id], user=user)
    by_language: dict[str, Answer] = {}
    for answer in free:
        by_language.setdefault(answer.response.language, answer)
    for number, (language, answer) in enumerate(sorted(by_language.items()), start=1):
        coding.set_quote(answer, quote=True)
        if language != "de":
            for into in ("de", "ar"):
                if into != language:
                    answer_translations.set_human(
                        session, answer, into, TRANSLATIONS[into].format(n=number), user=user
                    )
    session.add(
        ReportSettings(
            consultation_id=consultation.id,
            fields=[],
            questions=[],
            summaries={"housing": {"de": "Wohnraum fehlt in allen Gemeinden."}},
            open_points=OPEN_POINTS,
            public_results=False,
        )
    )
    session.commit()
    return consultation


def quotes(session, consultation: Consultation) -> list[str]:
    """The texts of the marked quotes."""
    return list(
        session.scalars(
            select(Answer.text)
            .join(Question)
            .where(Question.consultation_id == consultation.id, Answer.quote.is_(True))
        )
    )
