"""Free text per language: tokens, stop words, lemmas, keywords and term frequencies."""
