from tests.browser.test_staff_a11y_every_page import _sign_in, PHONE
from tests.consult.staff_pages_support import ALL_ROLES, arrange
import os
JS = """() => { const out = []; for (const el of document.querySelectorAll('body *')) { const r = el.getBoundingClientRect(); if ((r.right > 391 || r.left < -1) && r.width > 0) out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right) + ' ' + (el.textContent||'').trim().slice(0,40)); } return out.slice(0, 8); }"""
def test_debug(page, live_server, db_session, make_user):
    pages = arrange(db_session)
    make_user("all@example.org", ALL_ROLES)
    page.set_viewport_size(PHONE)
    _sign_in(page, live_server, "all@example.org", os.environ.get("L","de"))
    os.makedirs("/tmp/h15s_shots", exist_ok=True)
    for a in pages:
        page.goto(live_server + a)
        w = page.evaluate("document.documentElement.scrollWidth")
        if w > 390:
            print(a, w, page.evaluate(JS))
        if os.environ.get("SHOTS"):
            name = a.strip("/").replace("/", "_").replace("?", "_") or "root"
            page.screenshot(path=f"/tmp/h15s_shots/{os.environ.get('L','de')}_{name}.png", full_page=True)
