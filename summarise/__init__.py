"""Summarise: decisions/actions extraction, verslag drafting, export (md, docx)."""
