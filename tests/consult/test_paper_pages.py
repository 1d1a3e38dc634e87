"""Paper: printing the questionnaire (HTML and PDF) and staff entering paper responses."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from sqlalchemy import func, select

from surveys.models import Answer, AuditEvent, Response
from surveys.vocabulary import Channel, ConsultationStatus, ResponseStatus
from tests.conftest import build_consultation
from tests.consult.respond_support import SLUG, add, every_kind_consultation


@pytest.fixture()
def consultation(db_session):
    return add(db_session, every_kind_consultation())


def base(c):
    return f"/staff/consultations/{c.id}/paper"


def count_responses(db_session):
    db_session.expire_all()
    return db_session.scalar(select(func.count()).select_from(Response))


def entry(**answers):
    data = {"paper-language": "ar", "paper-group": "volunteers", "paper-sheet": "17"}
    data.update(answers)
    return data


# --- printing -------------------------------------------------------------------------------


def test_the_printed_questionnaire_shows_codes_boxes_conditions_and_privacy(client, consultation):
    page = client.get(f"/c/{SLUG}/print?lang=en").get_data(as_text=True)
    assert 'lang="en" dir="ltr"' in page
    assert "name_of_place" in page and "priorities" in page
    assert "☐" in page
    assert "Only if you answered “Yes” to question recognised." in page
    assert "Privacy notice" in page and "datenschutz@landkreis.example" in page
    assert "Don&#39;t know" in page or "Don't know" in page


def test_the_arabic_sheet_is_right_to_left(client, consultation):
    response = client.get(f"/c/{SLUG}/print?lang=ar")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'lang="ar" dir="rtl"' in page
    assert "سؤال housing" in page


def test_a_language_the_consultation_does_not_offer_is_404(client, consultation):
    assert client.get(f"/c/{SLUG}/print?lang=fa").status_code == 404


def test_a_draft_has_no_public_printed_questionnaire(client, db_session):
    add(db_session, build_consultation("draft-one", status=ConsultationStatus.DRAFT))
    assert client.get("/c/draft-one/print").status_code == 404
    assert client.get("/c/draft-one/print.pdf").status_code == 404


def test_authors_print_drafts_without_changing_their_own_language(client, sign_in, db_session):
    draft = add(
        db_session,
        build_consultation("draft-two", status=ConsultationStatus.DRAFT, languages=("de", "ar")),
    )
    sign_in("author")
    page = client.get(f"/staff/consultations/{draft.id}/print?lang=ar").get_data(as_text=True)
    assert 'lang="ar" dir="rtl"' in page
    assert 'lang="de"' in client.get("/staff/").get_data(as_text=True)


def test_a_facilitator_may_not_print_drafts_from_the_staff_pages(client, sign_in, db_session):
    draft = add(db_session, build_consultation("draft-three", status=ConsultationStatus.DRAFT))
    sign_in("facilitator")
    assert client.get(f"/staff/consultations/{draft.id}/print").status_code == 403
    assert client.get(f"/staff/consultations/{draft.id}/print.pdf").status_code == 403


def test_the_author_overview_links_to_every_printed_language(client, sign_in, consultation):
    sign_in("author")
    page = client.get(f"/staff/consultations/{consultation.id}/").get_data(as_text=True)
    for lang in ("de", "en", "ar"):
        assert f"/staff/consultations/{consultation.id}/print.pdf?lang={lang}" in page


def _pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_arabic_pdf_holds_the_codes_and_the_arabic_text(client, consultation, tmp_path):
    response = client.get(f"/c/{SLUG}/print.pdf?lang=ar")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    text = _pdf_text(response.data, tmp_path)
    assert "name_of_place" in text and "priorities" in text
    assert "عنكم" in text  # the section title, shaped and extracted back
    assert "إشعار الخصوصية" in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils missing")
def test_the_pdf_renders_to_a4_pages(client, consultation, tmp_path):
    path = tmp_path / "sheet.pdf"
    path.write_bytes(client.get(f"/c/{SLUG}/print.pdf?lang=de").data)
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(path), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 3  # each of the three sections starts a new page
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "595.276 x 841.89" in info or "595.28 x 841.89" in info  # A4 in points


def test_the_pdf_fetches_nothing_but_our_own_static_files(app, consultation):
    from consult.paper.printing import _static_only

    with app.test_request_context("/c/x/print.pdf"):
        read = _static_only()
        css, mime = read("http://localhost/static/paper-print.css")
        assert b"@page" in css and mime == "text/css"
        for url in (
            "https://example.org/static/paper-print.css",
            "http://localhost/static/../config.py",
            "file:///etc/passwd",
        ):
            with pytest.raises(ValueError):
                read(url)


# --- permissions ----------------------------------------------------------------------------


def test_anonymous_visitors_go_to_sign_in(client, consultation):
    for url in (
        f"{base(consultation)}/",
        f"{base(consultation)}/new",
        f"{base(consultation)}/second",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/auth/sign-in" in response.location


def test_a_respondent_with_a_draft_is_still_sent_to_sign_in(client, consultation):
    from tests.consult.respond_support import start

    start(client)
    response = client.post(f"{base(consultation)}/new", data=entry())
    assert response.status_code == 302 and "/auth/sign-in" in response.location
    assert "/auth/sign-in" in client.get(f"{base(consultation)}/").location


@pytest.mark.parametrize("role", ["author", "admin", "facilitator"])
def test_every_staff_role_may_enter_paper_responses(client, sign_in, consultation, role):
    sign_in(role)
    assert client.get(f"{base(consultation)}/").status_code == 200
    assert client.get(f"{base(consultation)}/new").status_code == 200


def test_unknown_consultations_and_other_consultations_responses_are_404(
    client, sign_in, consultation, db_session
):
    other = add(db_session, build_consultation("other"))
    sign_in("author")
    client.post(f"{base(consultation)}/new", data=entry(housing="a", recognised="no"))
    response = db_session.scalar(select(Response))
    assert client.get(f"{base(consultation)}/{response.id}").status_code == 200
    assert client.get(f"{base(other)}/{response.id}").status_code == 404
    assert client.get("/staff/consultations/9999/paper/").status_code == 404


def test_an_online_response_is_not_shown_as_a_paper_response(
    client, sign_in, consultation, db_session
):
    online = Response(consultation_id=consultation.id, language="de", channel=Channel.ONLINE)
    db_session.add(online)
    db_session.commit()
    sign_in("author")
    assert client.get(f"{base(consultation)}/{online.id}").status_code == 404


# --- entering -------------------------------------------------------------------------------


def test_a_paper_response_is_counted_as_paper_and_entered_by_the_staff_member(
    client, sign_in, consultation, db_session
):
    user = sign_in("facilitator")
    response = client.post(
        f"{base(consultation)}/new",
        data=entry(
            name_of_place="قرية",
            housing="a",
            recognised="yes",
            details="تفاصيل",
            count="٣",
            **{"paper-submitted_on": "2026-11-02"},
        ),
    )
    assert response.status_code == 302
    stored = db_session.scalar(select(Response))
    assert (stored.channel, stored.status) == (Channel.PAPER, ResponseStatus.SUBMITTED)
    assert stored.entered_by_id == user.id
    assert (stored.language, stored.group.code, stored.paper_sheet) == ("ar", "volunteers", "17")
    assert stored.submitted_at.date().isoformat() in ("2026-11-02", "2026-11-01")
    texts = {a.text for a in stored.answers if a.text}
    assert {"قرية", "تفاصيل"} <= texts
    event = db_session.scalar(select(AuditEvent).where(AuditEvent.action == "paper.enter"))
    assert event.user_id == user.id and event.object_id == str(stored.id)
    listing = client.get(f"{base(consultation)}/?lang=en").get_data(as_text=True)
    assert ">17<" in listing and "Entered once" in listing


def test_bad_input_shows_errors_beside_the_fields_keeps_values_and_stores_nothing(
    client, sign_in, consultation, db_session
):
    sign_in("author")
    response = client.post(
        f"{base(consultation)}/new?lang=en",
        data=entry(
            count="11",
            story="Ganz lang " * 10,
            name_of_place="Dorf",
            **{"paper-submitted_on": "kein Datum"},
        ),
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'href="#q-count"' in page and 'id="q-count-error"' in page
    assert "Please enter a number from 0 to 10." in page
    assert 'value="Dorf"' in page and 'value="11"' in page
    assert 'id="paper-submitted_on-error"' in page
    assert count_responses(db_session) == 0


def test_a_sheet_number_entered_twice_is_refused(client, sign_in, consultation, db_session):
    sign_in("author")
    client.post(f"{base(consultation)}/new", data=entry())
    response = client.post(f"{base(consultation)}/new?lang=en", data=entry())
    assert response.status_code == 422
    assert "already been entered" in response.get_data(as_text=True)
    assert count_responses(db_session) == 1


def test_a_draft_consultation_takes_no_paper_responses(client, sign_in, db_session):
    draft = add(db_session, build_consultation("draft-four", status=ConsultationStatus.DRAFT))
    sign_in("author")
    response = client.post(f"/staff/consultations/{draft.id}/paper/new", data=entry())
    assert response.status_code == 302
    assert count_responses(db_session) == 0


# --- second entry ---------------------------------------------------------------------------


def test_a_second_entry_with_a_difference_shows_it_and_resolving_stores_the_choice(
    client, sign_in, consultation, db_session
):
    sign_in("author")
    client.post(f"{base(consultation)}/new", data=entry(housing="a", recognised="no", count="4"))
    second = client.post(
        f"{base(consultation)}/second?lang=en",
        data={
            "paper-sheet": "17",
            "paper-group": "volunteers",
            "housing": "b",
            "recognised": "no",
            "count": "4",
        },
    )
    assert second.status_code == 302
    assert count_responses(db_session) == 1
    stored = db_session.scalar(select(Response))
    assert second.location.endswith(f"/paper/{stored.id}")
    listing = client.get(f"{base(consultation)}/").get_data(as_text=True)
    assert "To check" in listing
    page = client.get(second.location).get_data(as_text=True)
    assert "Differences between the two entries" in page
    assert 'name="choice-housing"' in page
    assert 'name="choice-count"' not in page and 'name="choice-recognised"' not in page

    unresolved = client.post(second.location, data={})
    assert unresolved.status_code == 422
    resolved = client.post(second.location, data={"choice-housing": "second"})
    assert resolved.status_code == 302
    db_session.expire_all()
    answers = db_session.scalars(select(Answer).where(Answer.response_id == stored.id)).all()
    assert {a.option_code for a in answers if a.question.code == "housing"} == {"b"}
    assert db_session.get(Response, stored.id).verified_at is not None
    assert "Verified" in client.get(f"{base(consultation)}/").get_data(as_text=True)
    assert count_responses(db_session) == 1


def test_a_second_entry_that_agrees_verifies_at_once(client, sign_in, consultation, db_session):
    sign_in("author")
    client.post(f"{base(consultation)}/new", data=entry(housing="a"))
    response = client.post(
        f"{base(consultation)}/second",
        data={"paper-sheet": "17", "paper-group": "volunteers", "housing": "a"},
    )
    assert response.location.endswith(f"{base(consultation)}/")
    assert db_session.scalar(select(Response)).verified_at is not None


def test_a_second_entry_for_an_unknown_sheet_is_refused(client, sign_in, consultation, db_session):
    sign_in("author")
    response = client.post(
        f"{base(consultation)}/second?lang=en", data={"paper-sheet": "404", "housing": "a"}
    )
    assert response.status_code == 422
    assert "No paper response with this sheet number" in response.get_data(as_text=True)
    assert count_responses(db_session) == 0


def test_paper_entry_needs_a_csrf_token(make_app, make_user, consultation):
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    make_user("csrf@example.org", ("author",))
    import re

    from tests.conftest import TEST_PASSWORD

    page = client.get("/auth/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    client.post(
        "/auth/sign-in",
        data={"email": "csrf@example.org", "password": TEST_PASSWORD, "csrf_token": token},
    )
    response = client.post(f"{base(consultation)}/new", data=entry(housing="a"))
    assert response.status_code in (400, 422)


def test_a_sheet_saved_by_a_colleague_a_moment_earlier_is_refused_not_a_crash(
    client, sign_in, consultation, db_session, monkeypatch
):
    from surveys.answering import paper

    sign_in("author")
    client.post(f"{base(consultation)}/new", data=entry())
    monkeypatch.setattr(paper, "find_by_sheet", lambda *args: None)  # both checked at once
    response = client.post(f"{base(consultation)}/new?lang=en", data=entry())
    assert response.status_code == 422
    assert "already been entered" in response.get_data(as_text=True)
    assert count_responses(db_session) == 1
