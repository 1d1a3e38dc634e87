"""Running the platform: staff accounts, the audit log, the public site's texts, retention.

Each takes a SQLAlchemy session, changes the domain, flushes, never commits.
"""
