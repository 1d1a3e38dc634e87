from __future__ import annotations

import pytest
import sqlalchemy as sa

from surveys.models import AuditEvent, Consultation, Question, Response, Section
from surveys.vocabulary import ConsultationStatus
from tests.conftest import build_consultation


@pytest.fixture()
def consultation(db_session):
    consultation = build_consultation(status=ConsultationStatus.DRAFT, languages=("de", "ar"))
    db_session.add(consultation)
    db_session.commit()
    return consultation


@pytest.fixture()
def author(sign_in):
    return sign_in("author")


def _fresh(db_session, consultation):
    db_session.expire_all()
    return db_session.get(Consultation, consultation.id)


def _base(consultation):
    return f"/staff/consultations/{consultation.id}"


def test_the_editor_lists_sections_questions_and_options(client, author, consultation):
    page = client.get(f"{_base(consultation)}/questionnaire").get_data(as_text=True)
    assert "Choose (de)" in page and "a de" in page and "q_text" in page


def test_add_a_section_and_a_question_with_a_kind(client, author, consultation, db_session):
    client.post(f"{_base(consultation)}/sections", data={"title": "Arbeit", "description": ""})
    section = _fresh(db_session, consultation).sections[1]
    response = client.post(
        f"{_base(consultation)}/sections/{section.id}/questions",
        data={f"s{section.id}-kind": "multiple_choice", f"s{section.id}-prompt": "Was fehlt?"},
    )
    question = db_session.scalar(sa.select(Question).where(Question.section_id == section.id))
    assert response.headers["Location"].endswith(f"/questions/{question.id}")
    assert (question.kind, question.prompt) == ("multiple_choice", {"de": "Was fehlt?"})


def _question_form(**changes):
    data = {
        "code": "q_text",
        "kind": "long_text",
        "prompt": "Erzählen Sie",
        "help_text": "",
        "field_of_action": "",
        "max_length": "",
        "cond-0-question": "",
    }
    data.update(changes)
    return data


def test_edit_a_question_with_settings_and_condition(client, author, consultation, db_session):
    question = consultation.questions[1]
    response = client.post(
        f"{_base(consultation)}/questions/{question.id}",
        data=_question_form(
            kind="scale",
            required="y",
            scale_min="0",
            scale_max="10",
            min_label="gar nicht",
            max_label="sehr",
            dont_know="y",
            field_of_action="housing",
            **{"cond-0-question": "q_choice", "cond-0-shown": "q_choice", "cond-0-option": ["a"]},
        ),
    )
    assert response.status_code == 302
    db_session.expire_all()
    saved = db_session.get(Question, question.id)
    assert saved.kind == "scale" and saved.required
    assert saved.settings == {
        "min": 0,
        "max": 10,
        "dont_know": True,
        "min_label": {"de": "gar nicht"},
        "max_label": {"de": "sehr"},
    }
    assert saved.show_if == {"all": [{"question": "q_choice", "options": ["a"]}]}
    assert saved.field_of_action == "housing"


def test_the_condition_offers_only_earlier_choice_questions(client, author, consultation):
    first, second = consultation.questions
    page = client.get(f"{_base(consultation)}/questions/{second.id}").get_data(as_text=True)
    assert 'value="q_choice"' in page
    page = client.get(f"{_base(consultation)}/questions/{first.id}").get_data(as_text=True)
    assert 'name="cond-0-question"' not in page


def test_a_taken_code_is_shown_beside_the_code_field(client, author, consultation):
    question = consultation.questions[1]
    page = client.post(
        f"{_base(consultation)}/questions/{question.id}",
        data=_question_form(code="q_choice"),
        headers={"Accept-Language": "en"},
    ).get_data(as_text=True)
    assert 'id="code-error"' in page and "Another question already has the code q_choice." in page
    assert 'value="q_choice"' in page


def test_reorder_duplicate_and_delete_questions(client, author, consultation, db_session):
    first, second = consultation.questions
    base = _base(consultation)
    client.post(f"{base}/questions/{second.id}/move", data={"direction": "up"})
    assert [q.code for q in _fresh(db_session, consultation).questions] == ["q_text", "q_choice"]
    client.post(f"{base}/questions/{first.id}/duplicate")
    assert [q.code for q in _fresh(db_session, consultation).questions] == [
        "q_text",
        "q_choice",
        "q_choice_copy",
    ]
    client.post(f"{base}/questions/{second.id}/delete")
    assert [q.code for q in _fresh(db_session, consultation).questions] == [
        "q_choice",
        "q_choice_copy",
    ]


def test_options_add_edit_reorder_delete(client, author, consultation, db_session):
    question = consultation.questions[0]
    base = _base(consultation)
    client.post(f"{base}/questions/{question.id}/options", data={"new-options": "c\tDrittens"})
    option = _fresh(db_session, consultation).questions[0].options[2]
    client.post(
        f"{base}/options/{option.id}",
        data={f"option-{option.id}-code": "c", f"option-{option.id}-label": "Drei"},
    )
    client.post(f"{base}/options/{option.id}/move", data={"direction": "up"})
    options = _fresh(db_session, consultation).questions[0].options
    assert [(o.code, o.label["de"]) for o in options] == [
        ("a", "a de"),
        ("c", "Drei"),
        ("b", "b de"),
    ]
    client.post(f"{base}/options/{options[0].id}/delete")
    assert [o.code for o in _fresh(db_session, consultation).questions[0].options] == ["c", "b"]


def test_options_pasted_in_bulk_keep_their_order_and_spreadsheet_codes(
    client, author, consultation, db_session
):
    question = consultation.questions[0]
    pasted = "Mietwohnung\r\n\r\nown\tEigentum\r\n  Wohnheim  \r\n"
    page = client.post(
        f"{_base(consultation)}/questions/{question.id}/options",
        data={"new-options": pasted},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "3 Antwortmöglichkeiten wurden hinzugefügt." in page
    options = _fresh(db_session, consultation).questions[0].options
    assert [(o.code, o.label["de"]) for o in options][2:] == [
        ("o3", "Mietwohnung"),
        ("own", "Eigentum"),
        ("o5", "Wohnheim"),
    ]


def test_a_pasted_list_with_a_taken_code_adds_nothing(client, author, consultation, db_session):
    question = consultation.questions[0]
    page = client.post(
        f"{_base(consultation)}/questions/{question.id}/options",
        data={"new-options": "Neu\na\tNochmal a"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "a" in page and "kern-alert--danger" in page
    assert [o.code for o in _fresh(db_session, consultation).questions[0].options] == ["a", "b"]


def test_moving_and_deleting_from_the_script_answer_without_a_page(
    client, author, consultation, db_session
):
    first, second = consultation.questions[0].options
    fetch = {"X-Requested-With": "fetch"}
    base = _base(consultation)
    moved = client.post(f"{base}/options/{second.id}/move", data={"direction": "up"}, headers=fetch)
    assert moved.status_code == 204
    deleted = client.post(f"{base}/options/{first.id}/delete", headers=fetch)
    assert deleted.status_code == 204
    assert [o.code for o in _fresh(db_session, consultation).questions[0].options] == ["b"]
    # The confirmation was for the script; it does not pop up on the next page.
    page = client.get(f"{base}/questions/{consultation.questions[0].id}").get_data(as_text=True)
    assert "Die Option wurde gelöscht." not in page


def test_sections_reorder_edit_and_delete(client, author, consultation, db_session):
    base = _base(consultation)
    client.post(f"{base}/sections", data={"title": "Zwei"})
    second = _fresh(db_session, consultation).sections[1]
    client.post(f"{base}/sections/{second.id}/move", data={"direction": "up"})
    client.post(f"{base}/sections/{second.id}", data={"title": "Erster", "description": "neu"})
    sections = _fresh(db_session, consultation).sections
    assert [s.title["de"] for s in sections] == ["Erster", "Section de"]
    sections = list(sections)
    client.post(f"{base}/sections/{second.id}/delete")
    db_session.expunge_all()
    assert db_session.scalars(sa.select(Section.id)).all() == [sections[1].id]


def test_a_frozen_structure_refuses_changes_with_a_clear_error(
    client, author, consultation, db_session
):
    db_session.add(Response(consultation_id=consultation.id, language="de"))
    db_session.commit()
    base = _base(consultation)
    question = consultation.questions[1]
    client.post(f"{base}/questions/{question.id}/delete", headers={"Accept-Language": "en"})
    page = client.get(f"{base}/questionnaire", headers={"Accept-Language": "en"})
    text = page.get_data(as_text=True)
    assert "People have already answered, so questions" in text
    assert "Duplicate" not in text
    assert len(_fresh(db_session, consultation).questions) == 2


def test_text_corrections_after_publishing_are_audited(client, author, db_session):
    published = build_consultation("live")
    db_session.add(published)
    db_session.commit()
    db_session.add(Response(consultation_id=published.id, language="de"))
    db_session.commit()
    question = published.questions[1]
    response = client.post(
        f"{_base(published)}/questions/{question.id}",
        data=_question_form(prompt="Erzählen Sie uns mehr"),
    )
    assert response.status_code == 302
    event = db_session.scalar(
        sa.select(AuditEvent).where(AuditEvent.action == "consultation.text_correction")
    )
    assert event.details == {
        "key": "question.q_text.prompt",
        "language": "de",
        "old": "Tell us (de)",
        "new": "Erzählen Sie uns mehr",
    }


def test_every_demo_question_saves_unchanged_although_answers_exist(client, author, db_session):
    from surveys.demo import loader

    result = loader.load(db_session, password="demo-passwort-2027-x", responses=3)
    db_session.commit()
    consultation = db_session.scalar(sa.select(Consultation))
    before = {q.code: (q.kind, dict(q.settings), q.show_if) for q in consultation.questions}
    for question in consultation.questions:
        url = f"{_base(consultation)}/questions/{question.id}"
        page = client.get(url).get_data(as_text=True)
        assert "Traceback" not in page
        form = _form_from(page)
        response = client.post(url, data=form, headers={"Accept-Language": "en"})
        assert response.status_code == 302, (question.code, response.get_data(as_text=True))
    db_session.expire_all()
    after = {
        q.code: (q.kind, dict(q.settings), q.show_if)
        for q in db_session.get(Consultation, consultation.id).questions
    }
    assert after == before
    assert result is not None


def _form_from(page):
    """The values a browser would send from the question form, unchanged."""
    from html.parser import HTMLParser

    form_html = page.split('<form method="post" novalidate class="stack">')[1].split("</form>")[0]
    data: dict[str, list[str]] = {}

    class Parser(HTMLParser):
        select = None
        textarea = None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "input" and a.get("name"):
                if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                    return
                data.setdefault(a["name"], []).append(a.get("value", "y"))
            elif tag == "select":
                self.select = a.get("name")
            elif tag == "option" and self.select and "selected" in a:
                data.setdefault(self.select, []).append(a.get("value", ""))
            elif tag == "textarea":
                self.textarea = a.get("name")
                data.setdefault(self.textarea, []).append("")

        def handle_endtag(self, tag):
            if tag == "select":
                self.select = None
            if tag == "textarea":
                self.textarea = None

        def handle_data(self, text):
            if self.textarea:
                data[self.textarea][-1] += text

    Parser().feed(form_html)
    return {k: v if len(v) > 1 else v[0] for k, v in data.items()}
