from __future__ import annotations

import re

import sqlalchemy as sa

from surveys.models import AuditEvent


def _save(client, lang, **texts):
    data = {key: "" for key in ("organisation", "contact", "imprint", "privacy", "accessibility")}
    data.update(texts)
    return client.post(f"/staff/site/{lang}", data=data)


def test_every_page_links_the_three_legally_required_pages(client):
    page = client.get("/").get_data(as_text=True)
    for path, label in [
        ("/impressum", "Impressum"),
        ("/datenschutz", "Datenschutzerklärung"),
        ("/barrierefreiheit", "Erklärung zur Barrierefreiheit"),
    ]:
        assert f'href="{path}">{label}</a>' in page


def test_a_page_nobody_wrote_yet_says_so(client):
    page = client.get("/impressum").get_data(as_text=True)
    assert "Dieser Text wurde noch nicht hinterlegt." in page


def test_an_admin_sets_the_imprint_per_language_and_visitors_see_theirs(
    client, sign_in, db_session
):
    sign_in("admin")
    assert (
        _save(
            client,
            "de",
            organisation="Landkreis Beispielstadt",
            imprint="Anschrift\n\nVertreten durch",
        ).status_code
        == 302
    )
    assert _save(client, "ar", imprint="العنوان").status_code == 302
    german = client.get("/impressum?lang=de").get_data(as_text=True)
    assert '<p dir="auto" class="kern-body preserve-lines">Anschrift</p>' in german
    assert "Landkreis Beispielstadt" in german
    assert "العنوان" in client.get("/impressum?lang=ar").get_data(as_text=True)
    # Missing in Ukrainian: the German text stands in.
    assert "Anschrift" in client.get("/impressum?lang=uk").get_data(as_text=True)
    actions = db_session.scalars(sa.select(AuditEvent.action)).all()
    assert actions.count("site_text.update") == 3


def test_site_texts_are_shown_as_text_never_as_markup(client, sign_in):
    sign_in("admin")
    _save(client, "de", privacy='<script>alert("x")</script><b>fett</b>')
    page = client.get("/datenschutz").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;b&gt;fett&lt;/b&gt;" in page


def test_only_admins_may_edit_site_texts(client, sign_in):
    sign_in("author")
    assert client.get("/staff/site/de").status_code == 403
    assert _save(client, "de", imprint="x").status_code == 403


def test_unknown_languages_are_404(client, sign_in):
    sign_in("admin")
    assert client.get("/staff/site/xx").status_code == 404


def test_the_editor_shows_the_german_text_beside_another_language(client, sign_in):
    sign_in("admin")
    _save(client, "de", contact="Fachdienst Integration")
    page = client.get("/staff/site/fa").get_data(as_text=True)
    assert "Fachdienst Integration" in page
    assert re.search(
        r'<textarea class="kern-form-input__input" dir="rtl" id="contact" lang="fa"', page
    )


def test_error_pages_still_render_when_the_database_is_unreachable(tmp_path):
    from consult import create_app

    app = create_app(
        {
            "SECRET_KEY": "x" * 32,
            "PUBLIC_BASE_URL": "https://beteiligung.example",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing-schema.sqlite3",
        }
    )
    response = app.test_client().get("/")
    assert response.status_code == 500
    assert "Etwas ist schiefgelaufen" in response.get_data(as_text=True)
