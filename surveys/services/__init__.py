"""Use cases: each takes a SQLAlchemy session, changes the domain, flushes, never commits."""
