"""Numbers on plain data: pandas summaries, text analysis and reports.

Must not import flask, sqlalchemy, surveys or consult: analysis runs on exported rows.
"""
