"""Notulist: shared domain model, settings, errors and the meeting store."""

__version__ = "0.1.0"
