from __future__ import annotations

import pytest
import sqlalchemy as sa

from surveys.models import Answer, AnswerTranslation, AuditEvent, Theme
from surveys.reviewing import coding
from tests.consult.review_support import arrange


@pytest.fixture()
def arranged(db_session):
    return arrange(db_session)


def _base(consultation):
    return f"/staff/review/{consultation.id}"


def test_facilitators_read_every_answer_in_its_own_language_and_direction(
    client, sign_in, arranged
):
    consultation, _ = arranged
    sign_in("facilitator")
    page = client.get(f"{_base(consultation)}/texts").get_data(as_text=True)
    assert "4 Antworten" in page
    assert (
        '<blockquote class="answer-original" dir="auto" lang="ar">'
        "نحتاج إلى مزيد من دورات اللغة</blockquote>" in page
    )
    assert "Потрібно більше курсів мови" in page


def test_hostile_text_is_shown_inert_and_intact(client, sign_in, arranged):
    consultation, _ = arranged
    sign_in("facilitator")
    page = client.get(f"{_base(consultation)}/texts").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lang_filter=ar", 1),
        ("q=wohnungen", 1),
        ("flagged=1", 1),
        ("uncoded=1", 4),
        ("question=q_text", 4),
    ],
)
def test_filters_narrow_the_list(client, sign_in, arranged, query, expected):
    consultation, _ = arranged
    sign_in("facilitator")
    page = client.get(f"{_base(consultation)}/texts?{query}").get_data(as_text=True)
    assert (f"{expected} Antworten" if expected != 1 else "1 Antwort") in page


@pytest.mark.parametrize("query", ["question=nope", "lang_filter=tr", "theme=999999"])
def test_unknown_filter_values_are_404(client, sign_in, arranged, query):
    consultation, _ = arranged
    sign_in("facilitator")
    assert client.get(f"{_base(consultation)}/texts?{query}").status_code == 404


def test_bulk_coding_gives_a_theme_to_the_selected_answers(client, sign_in, arranged, db_session):
    consultation, answers = arranged
    user = sign_in("facilitator")
    theme = coding.save_theme(db_session, consultation, label="Sprachkurse", language="de")
    db_session.commit()
    response = client.post(
        f"{_base(consultation)}/texts/code",
        data={"theme": theme.id, "answer": [answers[1].id, answers[2].id], "action": "add"},
    )
    assert response.status_code == 302
    coded = db_session.scalars(
        sa.select(Answer.id).where(Answer.themes.any(Theme.id == theme.id))
    ).all()
    assert sorted(coded) == sorted([answers[1].id, answers[2].id])
    page = client.get(f"{_base(consultation)}/texts?uncoded=1").get_data(as_text=True)
    assert "2 Antworten" in page
    assert user.email


def test_answers_of_another_consultation_cannot_be_reached(client, sign_in, arranged, db_session):
    consultation, answers = arranged
    other, _ = arrange(db_session, slug="other", languages=("de",))
    sign_in("facilitator")
    assert client.get(f"{_base(other)}/answers/{answers[0].id}").status_code == 404
    theme = coding.save_theme(db_session, other, label="Fremd", language="de")
    db_session.commit()
    client.post(f"{_base(other)}/texts/code", data={"theme": theme.id, "answer": [answers[0].id]})
    assert (
        db_session.scalar(sa.select(sa.func.count()).select_from(Theme).join(Theme.consultation))
        == 1
    )
    db_session.expire_all()
    assert not db_session.get(Answer, answers[0].id).themes


@pytest.mark.parametrize("roles", [("author",), ()])
def test_other_roles_may_not_review(client, sign_in, arranged, roles):
    consultation, _ = arranged
    if roles:
        sign_in(*roles)
        assert client.get(f"{_base(consultation)}/texts").status_code == 403
    else:
        assert client.get(f"{_base(consultation)}/texts").status_code == 302


def test_unknown_consultations_are_404(client, sign_in):
    sign_in("facilitator")
    assert client.get("/staff/review/999999/").status_code == 404


def test_a_human_translation_note_and_quote_are_saved(client, sign_in, arranged, db_session):
    consultation, answers = arranged
    sign_in("facilitator")
    url = f"{_base(consultation)}/answers/{answers[1].id}"
    response = client.post(
        url, data={"translation": "Wir brauchen mehr Sprachkurse", "note": "wichtig", "quote": "y"}
    )
    assert response.status_code == 302
    stored = db_session.scalar(sa.select(AnswerTranslation))
    assert (stored.language, stored.text, stored.origin) == (
        "de",
        "Wir brauchen mehr Sprachkurse",
        "human",
    )
    db_session.expire_all()
    answer = db_session.get(Answer, answers[1].id)
    assert (answer.note, answer.quote, answer.publish_quote) == ("wichtig", True, False)
    page = client.get(f"{_base(consultation)}/texts").get_data(as_text=True)
    assert "Wir brauchen mehr Sprachkurse" in page


def test_redacting_found_personal_data_is_audited(client, sign_in, arranged, db_session):
    consultation, answers = arranged
    sign_in("facilitator")
    page = client.get(f"{_base(consultation)}/answers/{answers[3].id}").get_data(as_text=True)
    assert "personenbezogene Daten" in page
    client.post(
        f"{_base(consultation)}/answers/{answers[3].id}/moderate",
        data={"action": "redact_findings"},
    )
    db_session.expire_all()
    answer = db_session.get(Answer, answers[3].id)
    assert answer.text.startswith("Kontakt: […]")
    assert db_session.scalar(
        sa.select(AuditEvent.action).where(AuditEvent.action == "answer.redact")
    )


def test_hiding_an_answer_removes_it_from_the_default_list(client, sign_in, arranged):
    consultation, answers = arranged
    sign_in("facilitator")
    client.post(f"{_base(consultation)}/answers/{answers[0].id}/moderate", data={"action": "hide"})
    assert "3 Antworten" in client.get(f"{_base(consultation)}/texts").get_data(as_text=True)
    assert "1 Antwort" in client.get(f"{_base(consultation)}/texts?hidden=1").get_data(as_text=True)


def test_the_codebook_creates_and_edits_themes(client, sign_in, arranged, db_session):
    consultation, _ = arranged
    sign_in("facilitator")
    response = client.post(
        f"{_base(consultation)}/themes",
        data={
            "label": "Wohnraum",
            "description": "fehlt",
            "field_of_action": "housing",
            "colour": "#aa0000",
        },
    )
    assert response.status_code == 302
    theme = db_session.scalar(sa.select(Theme))
    assert (theme.code, theme.label, theme.field_of_action) == (
        "wohnraum",
        {"de": "Wohnraum"},
        "housing",
    )
    bad = client.post(f"{_base(consultation)}/themes", data={"label": "", "colour": "red"})
    assert bad.status_code == 200
    assert "Bitte korrigieren" in bad.get_data(as_text=True)


def test_the_dashboard_counts_by_group_language_and_channel(client, sign_in, arranged):
    consultation, _ = arranged
    sign_in("facilitator")
    page = client.get(f"{_base(consultation)}/").get_data(as_text=True)
    assert "Volunteers de" in page
    assert '<td class="kern-table__cell" dir="auto">العربية</td>' in page
    assert "03.02.2027" in page
    assert "Abgeschickte Antworten" in page
