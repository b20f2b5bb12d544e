"""Ingest: loading, normalising redactions, meeting structure, notes, chunking."""
