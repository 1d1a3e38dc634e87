"""Extensions, created unbound; `create_app` binds them."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

from surveys.base import Base

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    class _ScopedSession(Session):
        def remove(self) -> None: ...

    class _Database(SQLAlchemy):
        # `db.session` is a scoped_session, which proxies every public method of the request's
        # Session and adds `remove()`. Use cases in `surveys/` take a plain Session; typing the
        # proxy as one lets views pass `db.session` without a cast at each of ~140 call sites.
        session: _ScopedSession  # type: ignore[assignment]


# Objects stay readable after a commit: a request that commits and then reads an id or a
# title for its reply would otherwise load every committed row again.
db = cast("_Database", SQLAlchemy(model_class=Base, session_options={"expire_on_commit": False}))
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
