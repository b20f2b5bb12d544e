"""Import earlier ORI JSON: meetings, agenda items, decisions and toezeggingen without the original files.

Each Vergadering of the bundle becomes one meeting whose only source is the ORI record itself, written out
as text (`render_record`): the header, every Agendapunt with its description, and under it every Besluit
(besluitresultaat, toelichting, toezegging and, from a Notulist export, the original quote). That text is
the stored raw text, so every imported decision and action cites an exact span of it, like any document.

Links from a Besluit to its Agendapunt come from the `x-notulist` extension of a Notulist export, else from
ORI `stemmingen` (a Stemming names both its Agendapunt and its Besluit); a Besluit linked to neither stays
with its meeting without an item. The bundle is validated against the vendored schema first: an invalid
file is refused as a whole, with the places that fail, and nothing is stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from ingest.redactions import find_redactions
from notulist.errors import InputError
from notulist.models import (Action, AgendaItem, Attendee, Citation, Decision, Extraction, Meeting, ParsedDocument,
                             Postponed, Redaction, Source, stable_id)
from summarise.ori.schema import bundle_errors

_MAX_ERRORS = 5
MEDIA_TYPE = "ori"  # a source that is an ORI record (rendered as text), not a document
_TOKEN = re.compile(r"\[gelakt( [^\]]*)?\]")


@dataclass
class ImportedMeeting:
    parsed: ParsedDocument
    extraction: Extraction
    content: bytes  # the meeting's ORI record (JSON), stored as the source's bytes
    warnings: list[str] = field(default_factory=list)


class _Text:
    """The record text being written, with the span of every piece that is cited later."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def line(self, label: str, value: str) -> tuple[int, int]:
        value = re.sub(r"[ \t]*\n[ \t]*", " ", value).strip()
        start = self.length + len(label)
        self.add(f"{label}{value}\n")
        return start, start + len(value)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def parse_bundle(filename: str, data: bytes) -> dict[str, Any]:
    """The ORI bundle in `data`, validated; an `InputError` (Dutch, naming the file) otherwise."""
    try:
        bundle = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{filename}: geen geldige JSON ({exc})", filename=filename) from exc
    errors = bundle_errors(bundle)
    if not errors and not bundle.get("vergaderingen"):
        errors = ["vergaderingen: geen enkele vergadering in het bestand"]
    if errors:
        more = f" (en nog {len(errors) - _MAX_ERRORS})" if len(errors) > _MAX_ERRORS else ""
        raise InputError(f"{filename}: geen geldig ORI-bestand (ODS Open Raadsinformatie 2.0): "
                         + "; ".join(errors[:_MAX_ERRORS]) + more, filename=filename)
    return bundle


def import_bundle(filename: str, bundle: dict[str, Any]) -> list[ImportedMeeting]:
    """One `ImportedMeeting` per Vergadering, in the order of the file; each is stored with its own ORI
    record (the Vergadering with its Agendapunten and Besluiten) as the source's bytes."""
    items_by_meeting: dict[str, list[dict]] = {}
    for item in bundle.get("agendapunten", []):
        items_by_meeting.setdefault(item["vergadering"]["id"], []).append(item)
    besluit_item = _besluit_items(bundle)
    item_meeting = {i["id"]: i["vergadering"]["id"] for i in bundle.get("agendapunten", [])}
    besluiten_by_meeting: dict[str, list[dict]] = {}
    single = bundle["vergaderingen"][0]["id"] if len(bundle["vergaderingen"]) == 1 else None
    for besluit in bundle.get("besluiten", []):
        meeting_id = item_meeting.get(besluit_item.get(besluit["id"], ""), single)
        if meeting_id is not None:
            besluiten_by_meeting.setdefault(meeting_id, []).append(besluit)
    stemmingen = [s for s in bundle.get("stemmingen", []) or [] if isinstance(s, dict)]
    imported = []
    for v in bundle["vergaderingen"]:
        record = {"profiel": bundle.get("profiel"), "vergaderingen": [v],
                  "agendapunten": items_by_meeting.get(v["id"], []), "besluiten": besluiten_by_meeting.get(v["id"], []),
                  "stemmingen": stemmingen}
        data = json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        imported.append(import_record(_source_name(filename, v), data))
    return imported


def import_record(source_name: str, record: bytes) -> ImportedMeeting:
    """The meeting, its source and its extraction from one ORI record (as `import_bundle` stores it).

    The same bytes always give the same meeting, text and extraction, so re-deriving the extraction of a
    stored record (`notulist extract`) gives back what was imported."""
    bundle = json.loads(record.decode("utf-8"))
    v = bundle["vergaderingen"][0]
    return _import_meeting(source_name, record, v, bundle.get("agendapunten", []), bundle.get("besluiten", []),
                           _besluit_items(bundle))


def _besluit_items(bundle: dict[str, Any]) -> dict[str, str]:
    """Besluit id -> Agendapunt id, from the Notulist extension or from ORI stemmingen."""
    links: dict[str, str] = {}
    for stemming in bundle.get("stemmingen", []) or []:
        if isinstance(stemming, dict) and isinstance(stemming.get("besluit"), dict):
            links[stemming["besluit"].get("id", "")] = (stemming.get("agendapunt") or {}).get("id", "")
    for besluit in bundle.get("besluiten", []):
        extra = besluit.get("x-notulist") or {}
        if isinstance(extra.get("agendapunt"), dict):
            links[besluit["id"]] = extra["agendapunt"].get("id", "")
    return links


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _header(text: _Text, v: dict[str, Any]) -> dict[str, Any]:
    extra = v.get("x-notulist") or {}
    series = extra.get("reeks") or (v.get("georganiseerdDoorGremium") or {}).get("gremiumnaam") or v.get("naam") or "ORI"
    title = extra.get("titel") or v.get("naam") or series
    text.line("Vergadering: ", title)
    if v.get("vergaderdatum"):
        text.line("Datum: ", v["vergaderdatum"] + (f", {extra['tijd']} uur" if extra.get("tijd") else ""))
    if v.get("locatie"):
        text.line("Locatie: ", v["locatie"])
    attendees = [a for a in extra.get("aanwezig", []) if isinstance(a, str)]
    if attendees:
        text.line("Aanwezig: ", ", ".join(attendees))
    text.line("Bron: ", f"ORI-record vergadering {v['id']} ({v.get('vergaderingstype', '')})")
    return {"series": series, "title": title, "attendees": attendees, "extra": extra}


def _attendee(as_written: str) -> Attendee:
    redacted = bool(find_redactions(as_written)) or "[gelakt" in as_written
    return Attendee(name=None if redacted else as_written.strip(), redacted=redacted, as_written=as_written)


def _import_meeting(source_name: str, record: bytes, v: dict, items: list[dict], besluiten: list[dict],
                    besluit_item: dict[str, str]) -> ImportedMeeting:
    text = _Text()
    head = _header(text, v)
    placed: dict[str, list[dict]] = {}
    for besluit in besluiten:
        placed.setdefault(besluit_item.get(besluit["id"], ""), []).append(besluit)
    number_of = {i["id"]: _number(i, pos) for pos, i in enumerate(items, 1)}
    spans: list[tuple[AgendaItem, list[tuple[dict, dict[str, tuple[int, int]]]]]] = []
    for item in sorted(items, key=_order):
        spans.append(_write_item(text, item, number_of, placed.get(item["id"], [])))
    loose = [(b, _write_besluit(text, b)) for b in placed.get("", [])]
    raw = text.text
    source = Source(id=hashlib.sha256(record).hexdigest(), filename=source_name, media_type=MEDIA_TYPE,
                    raw_text=raw, body_end=len(raw), redactions=record_redactions(raw), size_bytes=len(record))
    meeting = Meeting(
        id=stable_id("ori", v["id"], head["series"]), series=head["series"], title=head["title"],
        date=_date(v.get("vergaderdatum")), date_as_written=head["extra"].get("datum_zoals_geschreven") or v.get("vergaderdatum"),
        date_inferred=bool(head["extra"].get("datum_afgeleid")), time=head["extra"].get("tijd"),
        location=v.get("locatie"), attendees=[_attendee(a) for a in head["attendees"]],
        doc_kind=head["extra"].get("soort") if head["extra"].get("soort") in ("agenda", "minutes", "besluitenlijst", "notes") else "besluitenlijst",
        items=[item.model_copy(update={"source_id": source.id}) for item, _ in spans], source_ids=[source.id],
    )
    extraction = Extraction(meeting_id=meeting.id)
    for item, written in spans:
        for besluit, where in written:
            _add_besluit(extraction, meeting, source, item.number, besluit, where)
    for besluit, where in loose:
        _add_besluit(extraction, meeting, source, None, besluit, where)
    return ImportedMeeting(ParsedDocument(meeting=meeting, sources=[source]), extraction, record)


def record_redactions(text: str) -> list[Redaction]:
    """Redactions in the record text: the tokens an export wrote (`[gelakt 5.1.2e]`, `[gelakt]`) as whole
    marks, and raw marks elsewhere (`5.1, 2, e` in a quote), never a mark inside a token."""
    tokens = [Redaction(start=m.start(), end=m.end(), original=m.group(0), ground=(m.group(1) or "").strip(),
                        token=m.group(0)) for m in _TOKEN.finditer(text)]
    raw = [r for r in find_redactions(text) if not any(t.start <= r.start < t.end for t in tokens)]
    return sorted(tokens + raw, key=lambda r: r.start)


def _source_name(filename: str, v: dict) -> str:
    stem = re.sub(r"\.json$", "", filename, flags=re.I)
    return f"{stem}.vergadering-{v['id']}.ori.txt"


def _order(item: dict) -> tuple[int, str]:
    number = item.get("agendapuntvolgnummer") or ""
    return (int(number) if number.isdigit() else 10**6, number)


def _number(item: dict, pos: int) -> str:
    extra = item.get("x-notulist") or {}
    return extra.get("nummer") or item.get("agendapuntKenmerk") or item.get("agendapuntvolgnummer") or str(pos)


def _write_item(text: _Text, item: dict, number_of: dict[str, str], besluiten: list[dict]):
    extra = item.get("x-notulist") or {}
    number = number_of[item["id"]]
    title = extra.get("titel") or item.get("agendapuntTitel") or number
    text.add("\n")
    start = text.length
    title_start, title_end = text.line(f"{number}. ", title)
    body = item.get("agendapuntOmschrijving") or ""
    if body:
        text.line("", body)
    written = [(b, _write_besluit(text, b)) for b in besluiten]
    parent_id = (item.get("hoofdagendapunt") or {}).get("id")
    agenda_item = AgendaItem(number=number, numbered=extra.get("genummerd", True), parent=number_of.get(parent_id),
                             title=title, source_id="", start=start, end=text.length, title_start=title_start,
                             title_end=title_end, body=re.sub(r"\s+", " ", body).strip())
    return agenda_item, written


def _write_besluit(text: _Text, besluit: dict) -> dict[str, tuple[int, int]]:
    """The besluit's lines; the span of each written field by name ('quote' for the original citation).
    A toezegging is written as "Toezegging (open): ...", anything else as "Besluit: ..."."""
    extra = besluit.get("x-notulist") or {}
    where: dict[str, tuple[int, int]] = {}
    if besluit.get("toezegging"):
        where["toezegging"] = text.line(f"{besluit['besluitresultaat'].rstrip(': ')}: ", besluit["toezegging"])
    else:
        where["resultaat"] = text.line("Besluit: ", besluit["besluitresultaat"])
    if besluit.get("besluittoelichting"):
        where["toelichting"] = text.line("Toelichting: ", besluit["besluittoelichting"])
    quote = (extra.get("bron") or {}).get("citaat")
    if quote and quote.strip():
        where["quote"] = text.line("Citaat: ", quote)
    return where


def _kind(besluit: dict) -> str:
    extra = besluit.get("x-notulist") or {}
    if extra.get("soort") in ("besluit", "toezegging", "aangehouden"):
        return extra["soort"]
    result = besluit["besluitresultaat"].casefold()
    if besluit.get("toezegging") or result.startswith("toezegging"):
        return "toezegging"
    return "aangehouden" if result.startswith(("aangehouden", "doorgeschoven", "uitgesteld")) else "besluit"


def _add_besluit(extraction: Extraction, meeting: Meeting, source: Source, number: str | None, besluit: dict,
                 where: dict[str, tuple[int, int]]) -> None:
    extra = besluit.get("x-notulist") or {}
    kind = _kind(besluit)
    span = where.get("quote") or where.get("toezegging") or where["resultaat"]
    item = meeting.item(number) if number else None
    citation = Citation(meeting_id=meeting.id, date=meeting.date, item=number, item_title=item.title if item else None,
                        quote=source.raw_text[span[0]:span[1]], source_id=source.id, start=span[0], end=span[1])
    ident = stable_id(meeting.id, besluit["id"], kind)
    if kind == "besluit":
        text = extra.get("tekst") or besluit["besluitresultaat"]
        extraction.decisions.append(Decision(id=ident, meeting_id=meeting.id, item=number, text=text, citation=citation))
    elif kind == "aangehouden" and number is not None:
        extraction.postponed.append(Postponed(id=ident, meeting_id=meeting.id, item=number,
                                              item_title=item.title if item else None,
                                              text=extra.get("tekst") or besluit.get("besluittoelichting") or "Aangehouden",
                                              citation=citation))
    elif kind == "toezegging":
        extraction.actions.append(_action(ident, meeting, number, besluit, citation))


def _action(ident: str, meeting: Meeting, number: str | None, besluit: dict, citation: Citation) -> Action:
    extra = besluit.get("x-notulist") or {}
    status = extra.get("status") or ("done" if "afgedaan" in besluit["besluitresultaat"].casefold() else "open")
    return Action(id=ident, meeting_id=meeting.id, item=number,
                  text=extra.get("tekst") or besluit.get("toezegging") or besluit["besluitresultaat"],
                  owner=None if extra.get("actiehouder_gelakt") else extra.get("actiehouder"),
                  owner_redacted=bool(extra.get("actiehouder_gelakt")), due=extra.get("termijn"),
                  due_date=_date(extra.get("termijn_datum")), status="done" if status == "done" else "open",
                  from_actielijst=bool(extra.get("uit_actielijst")), citation=citation)


def record_extraction(source: Source, content: bytes) -> Extraction:
    """The extraction of a stored ORI record, derived again from its bytes (what the import stored)."""
    return import_record(source.filename, content).extraction
