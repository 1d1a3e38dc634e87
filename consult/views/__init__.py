"""Blueprints of the public site."""
