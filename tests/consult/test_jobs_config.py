"""The job queue's settings are checked at start, not at the first mail."""

from __future__ import annotations

import pytest

from consult import create_app
from consult.config import ConfigError


def test_an_unknown_job_backend_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="JOBS_BACKEND 'celery' is not known"):
        create_app(
            {
                "TESTING": True,
                "JOBS_BACKEND": "celery",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db",
            }
        )


def test_the_rq_backend_needs_a_redis_address(tmp_path):
    with pytest.raises(ConfigError, match="set REDIS_URL"):
        create_app(
            {
                "TESTING": True,
                "JOBS_BACKEND": "rq",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db",
            }
        )
