"""The preview shows every question exactly as the respondent page does: same inputs, same
"(optional)" marks, same "don't know", limits, units and input modes."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from surveys.models import Question
from surveys.vocabulary import ConsultationStatus
from tests.consult.respond_support import SLUG, add, every_kind_consultation, start


class _Questions(HTMLParser):
    """The markup of each `<div class="question" id="question-…">`, by question code."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self.lines = html.splitlines(keepends=True)
        self.found: dict[str, str] = {}
        self._open: tuple[str, int, int] | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return sum(len(text) for text in self.lines[: line - 1]) + column

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self._open is None:
            if tag == "div" and attributes.get("class") == "question":
                code = attributes["id"].removeprefix("question-")
                self._open = (code, self._offset(), 1)
        elif tag == "div":
            code, begin, depth = self._open
            self._open = (code, begin, depth + 1)

    def handle_endtag(self, tag):
        if self._open is None or tag != "div":
            return
        code, begin, depth = self._open
        if depth == 1:
            end = self._offset() + len("</div>")
            self.found[code] = re.sub(r"\s+", " ", self.html[begin:end])
            self._open = None
        else:
            self._open = (code, begin, depth - 1)


def questions_in(html: str) -> dict[str, str]:
    parser = _Questions(html)
    parser.feed(html)
    return parser.found


@pytest.fixture()
def consultation(db_session):
    c = every_kind_consultation()
    c.status = ConsultationStatus.PUBLISHED
    first, second, _third = c.sections
    first.questions.append(
        Question(
            code="rent",
            kind="number",
            prompt={"de": "Miete", "en": "Rent", "ar": "الإيجار"},
            settings={"min": 0, "max": 5000, "unit": {"de": "Euro", "en": "euros", "ar": "يورو"}},
        )
    )
    second.questions.append(
        Question(
            code="imported_yes_no",
            kind="yes_no",
            prompt={"de": "Ja oder nein", "en": "Yes or no", "ar": "نعم أو لا"},
            settings={"dont_know": False},
        )
    )
    return add(db_session, c)


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_every_question_looks_the_same_in_the_preview(client, sign_in, consultation, lang):
    client.get(f"/c/{SLUG}?lang={lang}")
    assert start(client).status_code == 302
    respondent: dict[str, str] = {}
    for number in range(1, len(consultation.sections) + 1):
        page = client.get(f"/c/{SLUG}/p/{number}")
        respondent.update(questions_in(page.get_data(as_text=True)))
    sign_in("author")
    preview = client.get(f"/staff/consultations/{consultation.id}/preview?lang={lang}")
    previewed = questions_in(preview.get_data(as_text=True))
    assert set(previewed) == {q.code for q in consultation.questions}
    # Conditional questions appear on the respondent's page only when their condition holds;
    # the preview shows them all.
    shown = set(respondent)
    assert shown >= {q.code for q in consultation.questions if not q.show_if}
    assert {code: previewed[code] for code in shown} == respondent


def test_the_preview_marks_optional_questions_and_keeps_imported_settings(
    client, sign_in, consultation
):
    sign_in("author")
    html = client.get(f"/staff/consultations/{consultation.id}/preview?lang=de").get_data(
        as_text=True
    )
    found = questions_in(html)
    assert "(freiwillig)" in found["story"] and "(freiwillig)" not in found["name_of_place"]
    assert "(required)" not in html and "(erforderlich)" not in html
    assert 'value="dont_know"' in found["recognised"]
    assert 'value="dont_know"' not in found["imported_yes_no"]
    assert 'inputmode="decimal"' in found["rent"] and 'type="number"' not in found["rent"]
    assert "Euro" in found["rent"] and "Eine Zahl von 0 bis 5.000." in found["rent"]
