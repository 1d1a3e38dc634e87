"""Answering a published questionnaire: validation of answers and the response life cycle.

No Flask here: the web form, imports, the CLI and an API obey the same rules.
"""
