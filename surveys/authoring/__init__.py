"""Authoring: lifecycle, questionnaire structure, translations and interchange. No Flask."""
