"""The survey domain: models, rules and use cases.

Must not import flask, wtforms, consult, analysis or pandas: domain code runs on a bare
SQLAlchemy session from tests, the CLI and background jobs alike.
"""
