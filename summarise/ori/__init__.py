"""Open Raadsinformatie (VNG Realisatie ODS ORI 2.0): export of meetings, items, decisions and toezeggingen,
import of earlier ORI JSON, both checked against the vendored OpenAPI schema (`schema/openapi.yaml`)."""
