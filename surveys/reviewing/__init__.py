"""Facilitators' use cases: reading, translating, coding and moderating answers; the dashboard.

Each takes a SQLAlchemy session, changes the domain, flushes, never commits.
"""
