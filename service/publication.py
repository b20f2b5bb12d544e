"""Publication: ORI export and import, and the Woo copy of a verslag, over the `Notulist` facade.

The CLI and the HTTP API both call these functions, so they behave the same (and so do their errors).
"""

from __future__ import annotations

from notulist.errors import InputError, NotFoundError
from notulist.models import Meeting, Verslag
from service.pipeline import IngestResult, Notulist
from summarise.export import verslag_to_docx
from summarise.ori.export import export_bundle
from summarise.ori.importer import import_bundle, parse_bundle
from summarise.verslag import draft_verslag, postponed_followups
from summarise.woo_pdf import markdown_to_pdf
from summarise.woo_store import WooChoices
from summarise.woo import Choice, NameCandidate, WooCopy, apply_choices, candidate_id, find_candidates, publication_markdown

WOO_FORMATS = ("md", "docx", "pdf")


# --------------------------------------------------------------------------- ORI


def export_ori(app: Notulist, meetings: list[Meeting]) -> dict:
    if not meetings:
        raise NotFoundError("Geen vergaderingen om te exporteren.")
    return export_bundle(app.store, meetings)


def import_ori(app: Notulist, filename: str, data: bytes) -> list[IngestResult]:
    """Store every Vergadering of an ORI file as a meeting; the whole file is checked before anything is
    stored, so a bad file stores nothing."""
    imported = import_bundle(filename, parse_bundle(filename, data))
    results = []
    for item in imported:
        meeting = item.parsed.meeting
        status = app.store.save_parsed(item.parsed, {item.parsed.sources[0].id: item.content})
        warnings = list(item.warnings)
        if status != "unchanged":  # extraction (derived again from the record) and index, as for any ingest
            warnings += app.after_store(meeting)
        results.append(IngestResult(filename=filename, status=status, meeting_id=meeting.id, warnings=warnings))
    return results


# --------------------------------------------------------------------------- Woo copy


def _choices(app: Notulist):
    return WooChoices(app.store.engine)


def current_verslag(app: Notulist, meeting: Meeting) -> Verslag:
    """The secretary's latest saved verslag, else a fresh draft (rule engine)."""
    saved = app.store.latest_verslag(meeting.id)
    if saved is not None:
        return saved
    extraction = app.extraction(meeting.id)
    return draft_verslag(meeting, extraction, app.store.sources_for(meeting),
                         followups=postponed_followups(app.store, meeting, extraction))


def woo_candidates(app: Notulist, meeting: Meeting, verslag: Verslag | None = None) -> list[NameCandidate]:
    verslag = verslag or current_verslag(app, meeting)
    extraction = app.extraction(meeting.id)
    owners = [a.owner for a in extraction.actions if a.owner and not a.owner_redacted]
    return find_candidates(verslag.markdown, meeting, app.store.sources_for(meeting), owners,
                           _choices(app).get(meeting.id))


def woo_choose(app: Notulist, meeting: Meeting, refs: list[str], choice: Choice | None,
               author: str | None = None) -> list[NameCandidate]:
    """Record the secretary's choice for each name (by name or by id); None withdraws a choice."""
    candidates = woo_candidates(app, meeting)
    by_ref = {c.id: c for c in candidates} | {c.name.casefold(): c for c in candidates}
    unknown = [r for r in refs if r.casefold() not in by_ref and r not in by_ref]
    if unknown:
        names = ", ".join(c.name for c in candidates) or "geen"
        raise InputError(f"Onbekende naam of id: {', '.join(unknown)}. Namen in dit verslag: {names}.")
    store = _choices(app)
    for ref in refs:
        candidate = by_ref.get(ref) or by_ref[ref.casefold()]
        store.set(meeting.id, candidate.id, candidate.name, choice, author)
    return woo_candidates(app, meeting)


def woo_copy(app: Notulist, meeting: Meeting, *, concept: bool = False) -> WooCopy:
    """The Woo copy; refused while a name is not assessed, unless it is asked for as a concept."""
    verslag = current_verslag(app, meeting)
    candidates = woo_candidates(app, meeting, verslag)
    copy = apply_choices(verslag.markdown, candidates, concept=concept, meeting_id=meeting.id)
    if copy.open_names and not concept:
        raise InputError("Nog niet beoordeeld: " + ", ".join(copy.open_names)
                         + ". Kies per naam lakken of niet lakken (of vraag een concept).")
    return copy


def woo_document(app: Notulist, meeting: Meeting, fmt: str, *, concept: bool = False) -> bytes:
    """The Woo copy as Markdown, Word or PDF bytes."""
    if fmt not in WOO_FORMATS:
        raise InputError(f"Onbekend formaat '{fmt}'; kies uit {', '.join(WOO_FORMATS)}.")
    markdown = publication_markdown(woo_copy(app, meeting, concept=concept))
    if fmt == "md":
        return markdown.encode("utf-8")
    if fmt == "docx":
        return verslag_to_docx(markdown)
    return markdown_to_pdf(markdown, f"Woo-publicatieversie {meeting.title} {meeting.date or ''}".strip())


__all__ = ["candidate_id", "export_ori", "import_ori", "woo_candidates", "woo_choose", "woo_copy", "woo_document"]
