"""Export meetings in the ORI model (VNG Realisatie ODS Open Raadsinformatie 2.0) as one JSON bundle.

A bundle has the ORI collections `vergaderingen`, `agendapunten`, `besluiten` and `informatieobjecten`;
each object satisfies its component of the vendored schema (`schema.py`). One meeting or a whole series
gives the same shape, so an import reads either.

- Vergadering: naam, vergaderdatum, aanvang/einde, locatie, status, vergaderingstype (from the series,
  `data/vergaderingstype.json`), the series as georganiseerdDoorGremium.
- Agendapunt: agendapuntKenmerk (the number as written), agendapuntvolgnummer (the order), agendapuntTitel,
  agendapuntOmschrijving (the prepared text), hoofdagendapunt / subagendapunten, indicatorBehandeld
  (false for a postponed item).
- Besluit: a decision (besluitresultaat = the decision, besluittoelichting = the quoted evidence), an
  action as a toezegging (besluitresultaat "Toezegging (open|afgedaan)", toezegging = owner, task and term),
  a postponed item as "Aangehouden".
- InformatieObject: every source file and the saved verslag (genotuleerd).

ORI has no link from a Besluit to its Agendapunt other than through a Stemming (a vote), and no fields for
an exact quote; both travel in an `x-notulist` extension object (the components allow extra properties),
so that an ORI import of this export is complete, while any ORI reader sees standard objects.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ingest.redactions import display_text, find_redactions
from notulist.models import Action, AgendaItem, Citation, Decision, Extraction, Meeting, Postponed, Source, Verslag
from notulist.models import stable_id
from summarise.ori.schema import ORI_VERSION

PROFILE = f"ODS Open Raadsinformatie {ORI_VERSION}"
URN = "urn:notulist:{kind}:{id}"
_TOKEN = re.compile(r"\[gelakt[^\]]*\]")
_TIME = re.compile(r"(\d{1,2})[.:](\d{2})")
_TYPES = Path(__file__).with_name("data") / "vergaderingstype.json"


def ref(kind: str, id_: str) -> dict[str, str]:
    """An ORI VerwijzingNaarResource."""
    return {"id": id_, "url": URN.format(kind=kind, id=id_)}


def item_id(meeting: Meeting, number: str) -> str:
    return stable_id(meeting.id, "agendapunt", number)


def source_object_id(source_id: str) -> str:
    return source_id[:40]


def clip(text: str, limit: int) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters (with '…' when cut)."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


def display(text: str) -> str:
    """Text as people see it: Woo redaction marks as their tokens ("[gelakt 5.1.2e]"), on one line."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]  # already a token: leave it as it is
    marks = [r for r in find_redactions(text) if not any(a <= r.start < b for a, b in tokens)]
    return re.sub(r"\s+", " ", display_text(text, marks)).strip()


@lru_cache(maxsize=1)
def _type_rules() -> dict[str, Any]:
    return json.loads(_TYPES.read_text(encoding="utf-8"))


def meeting_type(meeting: Meeting) -> str:
    words = f"{meeting.series} {meeting.title}".casefold()
    rules = _type_rules()
    for rule in rules["rules"]:
        if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", words) for w in rule["words"]):
            return rule["type"]
    return rules["default"]


def _times(meeting: Meeting) -> tuple[str | None, str | None]:
    if meeting.date is None or not meeting.time:
        return None, None
    found = [dt.time(int(h), int(m)) for h, m in _TIME.findall(meeting.time) if int(h) < 24 and int(m) < 60]
    stamps = [dt.datetime.combine(meeting.date, t).isoformat() for t in found[:2]]
    return (stamps[0] if stamps else None), (stamps[1] if len(stamps) > 1 else None)


def _drop_none(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v is not None and v != []}


def vergadering(meeting: Meeting, extraction: Extraction | None, verslag: Verslag | None) -> dict[str, Any]:
    start, end = _times(meeting)
    held = bool(meeting.notes) or bool(extraction and (extraction.decisions or extraction.actions))
    obj = {
        **ref("vergadering", meeting.id),
        "naam": clip(meeting.title or meeting.series, 100),
        "vergaderingstype": meeting_type(meeting),
        "vergaderdatum": meeting.date.isoformat() if meeting.date else None,
        "aanvangVergadering": start, "eindeVergadering": end,
        "locatie": clip(meeting.location, 100) if meeting.location else None,
        "status": "gehouden" if held or meeting.doc_kind in ("minutes", "besluitenlijst", "notes") else "gepland",
        "georganiseerdDoorGremium": {"gremiumidentificatie": stable_id(meeting.series, length=10),
                                     "gremiumnaam": clip(meeting.series, 100)},
        "agendapunten": [ref("agendapunt", item_id(meeting, i.number))["url"] for i in meeting.items],
        "bijlagen": [ref("informatieobject", source_object_id(s))["url"] for s in meeting.source_ids],
        "informatieobject": ref("informatieobject", verslag_object_id(meeting)) if verslag else None,
        "x-notulist": _drop_none({"reeks": meeting.series, "titel": meeting.title,
                                  "datum_zoals_geschreven": meeting.date_as_written, "tijd": meeting.time,
                                  "datum_afgeleid": meeting.date_inferred or None, "soort": meeting.doc_kind,
                                  "aanwezig": [a.as_written for a in meeting.attendees]}),
    }
    return _drop_none(obj)


def verslag_object_id(meeting: Meeting) -> str:
    return stable_id(meeting.id, "verslag")


def agendapunt(meeting: Meeting, item: AgendaItem, position: int, postponed: set[str]) -> dict[str, Any]:
    children = [i for i in meeting.items if i.parent == item.number]
    obj = {
        **ref("agendapunt", item_id(meeting, item.number)),
        "vergadering": ref("vergadering", meeting.id),
        "hoofdagendapunt": ref("agendapunt", item_id(meeting, item.parent)) if item.parent else None,
        "subagendapunten": [ref("agendapunt", item_id(meeting, c.number))["url"] for c in children],
        "agendapuntKenmerk": clip(item.number, 20),
        "agendapuntvolgnummer": str(position)[:3],
        "agendapuntTitel": clip(display(item.title), 100) or item.number,
        "agendapuntOmschrijving": display(item.body) or None,
        "indicatorBehandeld": False if item.number in postponed else None,
        "informatieobjecten": [ref("informatieobject", source_object_id(item.source_id))["url"]],
        "x-notulist": _drop_none({"nummer": item.number, "titel": item.title, "genummerd": item.numbered,
                                  "bovenliggend": item.parent}),
    }
    return _drop_none(obj)


def _citation(citation: Citation, sources: dict[str, Source]) -> dict[str, Any]:
    source = sources.get(citation.source_id)
    return _drop_none({"citaat": citation.quote, "bron": source_object_id(citation.source_id),
                       "bestand": source.filename if source else None,
                       "begin": citation.start, "eind": citation.end,
                       "pagina": getattr(citation, "page", None)})


def besluit_for_decision(meeting: Meeting, decision: Decision, sources: dict[str, Source]) -> dict[str, Any]:
    text = display(decision.text)
    return _drop_none({
        **ref("besluit", stable_id(decision.id, "besluit")),
        "besluitresultaat": clip(text, 200) or "Besloten",
        "besluittoelichting": clip(f"Bron: “{display(decision.citation.quote)}”", 200),
        "x-notulist": _drop_none({"soort": "besluit", "tekst": decision.text, **_item_ref(meeting, decision.item),
                                  "bron": _citation(decision.citation, sources)}),
    })


def toezegging_text(action: Action) -> str:
    owner = "[gelakt]" if action.owner_redacted and not action.owner else action.owner
    term = f" (termijn: {action.due}{f', {action.due_date.isoformat()}' if action.due_date else ''})" if action.due else ""
    return f"{owner + ': ' if owner else ''}{display(action.text)}{term}"


def besluit_for_action(meeting: Meeting, action: Action, sources: dict[str, Source]) -> dict[str, Any]:
    status = "afgedaan" if action.status == "done" else "open"
    extra = {"soort": "toezegging", "tekst": action.text, "status": action.status, "actiehouder": action.owner,
             "actiehouder_gelakt": action.owner_redacted or None, "termijn": action.due,
             "termijn_datum": action.due_date.isoformat() if action.due_date else None,
             "uit_actielijst": action.from_actielijst or None, **_item_ref(meeting, action.item),
             "bron": _citation(action.citation, sources)}
    if action.done_evidence is not None:
        extra["afgedaan_bron"] = _citation(action.done_evidence, sources)
    return _drop_none({
        **ref("besluit", stable_id(action.id, "toezegging")),
        "besluitresultaat": f"Toezegging ({status})",
        "besluittoelichting": clip(f"Status: {status}" + (f"; actiehouder: {action.owner}" if action.owner else ""), 200),
        "toezegging": clip(toezegging_text(action), 500),
        "x-notulist": _drop_none(extra),
    })


def besluit_for_postponed(meeting: Meeting, postponed: Postponed, sources: dict[str, Source]) -> dict[str, Any]:
    return _drop_none({
        **ref("besluit", stable_id(postponed.id, "aangehouden")),
        "besluitresultaat": "Aangehouden",
        "besluittoelichting": clip(f"Doorgeschoven: “{display(postponed.citation.quote)}”", 200),
        "x-notulist": _drop_none({"soort": "aangehouden", "tekst": postponed.text,
                                  **_item_ref(meeting, postponed.item), "bron": _citation(postponed.citation, sources)}),
    })


def _item_ref(meeting: Meeting, number: str | None) -> dict[str, Any]:
    if number is None or meeting.item(number) is None:
        return {}
    return {"agendapunt": ref("agendapunt", item_id(meeting, number)), "agendapunt_nummer": number}


def informatieobjecten(meeting: Meeting, sources: dict[str, Source], verslag: Verslag | None) -> list[dict[str, Any]]:
    roles = {"agenda": "agenda", "notes": "aantekeningen", "clean_agenda": "agenda zonder aantekeningen"}
    found = []
    for source_id in meeting.source_ids:
        source = sources.get(source_id)
        if source is None:
            continue
        found.append(_drop_none({
            **ref("informatieobject", source_object_id(source_id)),
            "titel": clip(source.filename, 200), "omschrijving": roles.get(source.role, source.role),
            "creatiedatum": meeting.date.isoformat() if meeting.date else None, "taal": "nld",
            "vergaderingen": [ref("vergadering", meeting.id)],
            "agendapunten": [ref("agendapunt", item_id(meeting, i.number)) for i in meeting.items
                             if i.source_id == source_id],
            "x-notulist": {"bron_id": source_id, "mediatype": source.media_type, "rol": source.role},
        }))
    if verslag is not None:
        found.append(_drop_none({
            **ref("informatieobject", verslag_object_id(meeting)),
            "titel": clip(f"Verslag {meeting.title or meeting.series} {meeting.date or ''}".strip(), 200),
            "omschrijving": f"verslag, versie {verslag.version} ({verslag.status})", "taal": "nld",
            "inhoud": verslag.markdown, "vergaderingen": [ref("vergadering", meeting.id)],
            "genotuleerdeVergadering": ref("vergadering", meeting.id)["url"],
        }))
    return found


def meeting_bundle_parts(meeting: Meeting, extraction: Extraction | None, sources: dict[str, Source],
                         verslag: Verslag | None) -> dict[str, list[dict[str, Any]]]:
    extraction = extraction or Extraction(meeting_id=meeting.id)
    postponed = {p.item for p in extraction.postponed}
    return {
        "vergaderingen": [vergadering(meeting, extraction, verslag)],
        "agendapunten": [agendapunt(meeting, item, pos, postponed) for pos, item in enumerate(meeting.items, 1)],
        "besluiten": [besluit_for_decision(meeting, d, sources) for d in extraction.decisions]
        + [besluit_for_action(meeting, a, sources) for a in extraction.actions]
        + [besluit_for_postponed(meeting, p, sources) for p in extraction.postponed],
        "informatieobjecten": informatieobjecten(meeting, sources, verslag),
    }


def export_bundle(store, meetings: list[Meeting]) -> dict[str, Any]:
    """The ORI bundle of the given meetings (one meeting, a series, or all), read from the store."""
    bundle: dict[str, Any] = {"profiel": PROFILE, "bron": "Notulist",
                              "vergaderingen": [], "agendapunten": [], "besluiten": [], "informatieobjecten": []}
    for meeting in meetings:
        saved = store.latest_verslag(meeting.id)
        parts = meeting_bundle_parts(meeting, store.get_extraction(meeting.id), store.sources_for(meeting),
                                     saved if saved is not None and saved.version > 0 else None)
        for key, objects in parts.items():
            bundle[key] += objects
    return bundle
