"""The HTTP API through the real app (FastAPI TestClient): every endpoint, every role, a series-limited
key, and each error a client must be able to act on (413, 415, 422 naming the field, 404, 409, no trace)."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from notulist.settings import Settings
from service.app import create_app
from service.pipeline import Notulist

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SEED_0306 = EXAMPLES / "2024-03-06_voortgangsoverleg-inclusie-diversiteit_agenda.md"
SEED_0311 = EXAMPLES / "2024-03-11_voortgangsoverleg-inclusie-diversiteit_agenda-met-notities.md"

OTHER_SERIES = "Werkgroep duurzame bedrijfsvoering"

# A document of another Dutch body: a working group's minutes with decisions and actions.
WERKGROEP_MD = """\
# Werkgroep duurzame bedrijfsvoering

**Verslag van het overleg op dinsdag 14 mei 2024, 14.00 - 15.30 uur**

Locatie: Stadskantoor, zaal 4.12

Aanwezig: Marieke de Vries (voorzitter), Ahmed Bakker, Joris Smit (verslag)

## 1. Opening en vaststellen agenda

De voorzitter opent de vergadering. De agenda wordt ongewijzigd vastgesteld.

## 2. Fietsenstalling stadskantoor

Het aantal fietsen in de stalling is sinds januari met een derde gestegen. Er is ruimte voor 80 extra plekken
in de kelder.

Besluit: de werkgroep adviseert de directie om 80 extra fietsplekken in de kelder te laten aanleggen.

Actie: Ahmed vraagt voor 1 juni een offerte op bij de huidige leverancier.

## 3. Rondvraag en sluiting

Joris meldt dat de energiecijfers over het eerste kwartaal in juni beschikbaar komen.
"""

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def upload(client: TestClient, key: str, name: str, data: bytes, **fields):
    files = {"agenda": (name, data, "application/octet-stream")}
    for extra in ("notes", "clean_agenda"):
        if extra in fields:
            files[extra] = fields.pop(extra)
    return client.post("/api/meetings", headers=bearer(key), files=files,
                       data={k: str(v) for k, v in fields.items()})


@pytest.fixture(scope="module")
def svc(tmp_path_factory):
    """One app with both seeds and a working-group meeting ingested, and a key for every role.

    Module-scoped because ingesting embeds every chunk (seconds per meeting on 2 cores); tests that
    change state either use their own meeting or only assert on what they changed.
    """
    settings = Settings(data_dir=tmp_path_factory.mktemp("service") / "data")
    ctx = Notulist(settings)
    keys = {
        "admin": ctx.store.create_key("admin", name="Beheer")[1],
        "secretary": ctx.store.create_key("secretary", name="Secretaris I&D")[1],
        "reader": ctx.store.create_key("reader")[1],
        "reader_other": ctx.store.create_key("reader", series=[OTHER_SERIES])[1],
        "secretary_other": ctx.store.create_key("secretary", series=[OTHER_SERIES])[1],
    }
    app = create_app(settings)
    client = TestClient(app)
    created = upload(client, keys["secretary"], SEED_0311.name, SEED_0311.read_bytes())
    assert created.status_code == 201, created.text
    first = upload(client, keys["secretary"], SEED_0306.name, SEED_0306.read_bytes())
    assert first.status_code == 201, first.text
    other = upload(client, keys["secretary_other"], "2024-05-14_werkgroep-duurzaam.md", WERKGROEP_MD.encode())
    assert other.status_code == 201, other.text

    class Svc:
        pass

    s = Svc()
    s.settings, s.ctx, s.keys, s.app, s.client = settings, ctx, keys, app, client
    s.m0311, s.m0306, s.other = created.json(), first.json(), other.json()
    return s


def safe_space_item(meeting: dict) -> dict:
    return next(i for i in meeting["items"] if "safe space" in i["title"].casefold())


# --------------------------------------------------------------------------- health, page, docs


def test_health_needs_no_key(svc):
    r = svc.client.get("/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"


def test_page_and_docs_are_served_without_any_cdn(svc):
    page = svc.client.get("/")
    assert page.status_code == 200 and 'lang="nl"' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/app.js", "/static/app.css"):
        r = svc.client.get(asset)
        assert r.status_code == 200, asset
        assert "http://" not in r.text and "https://" not in r.text, f"{asset} loads something from elsewhere"
    assert "http://" not in page.text and "https://" not in page.text
    docs = svc.client.get("/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.casefold() and "https://" not in docs.text
    assert svc.client.get("/static-offline-docs/swagger-ui-bundle.js").status_code == 200
    schema = svc.client.get("/openapi.json").json()
    assert {"/api/meetings", "/api/ask", "/api/ask/stream", "/api/actions", "/api/reindex"} <= set(schema["paths"])
    assert any(s.get("scheme") == "bearer" for s in schema["components"]["securitySchemes"].values())


# --------------------------------------------------------------------------- authentication


ENDPOINTS = [
    ("get", "/api/me"),
    ("get", "/api/meetings"),
    ("post", "/api/meetings"),
    ("get", "/api/meetings/{id}"),
    ("delete", "/api/meetings/{id}"),
    ("get", "/api/meetings/{id}/extraction"),
    ("get", "/api/meetings/{id}/verslag"),
    ("put", "/api/meetings/{id}/verslag"),
    ("get", "/api/meetings/{id}/verslag/versions"),
    ("get", "/api/meetings/{id}/verslag.docx"),
    ("post", "/api/ask"),
    ("post", "/api/ask/stream"),
    ("get", "/api/actions"),
    ("post", "/api/actions/{action}/done"),
    ("post", "/api/reindex"),
]


@pytest.mark.parametrize("method,path", ENDPOINTS)
@pytest.mark.parametrize("auth", [None, "Bearer ntl_0000_onzin", "Basic dXNlcjpwdw==", "Bearer "])
def test_every_endpoint_answers_401_without_a_valid_key(svc, method, path, auth):
    url = path.format(id=svc.m0311["id"], action="whatever")
    headers = {"Authorization": auth} if auth else {}
    body = {"json": {"question": "x", "markdown": "x"}} if method in ("post", "put") else {}
    r = getattr(svc.client, method)(url, headers=headers, **body) if body else \
        getattr(svc.client, method)(url, headers=headers)
    assert r.status_code == 401, (method, path, r.text)
    assert r.headers.get("www-authenticate") == "Bearer"
    assert "sleutel" in r.json()["detail"].casefold()


def test_a_revoked_key_is_refused(svc):
    key_id, key = svc.ctx.store.create_key("reader")
    assert svc.client.get("/api/meetings", headers=bearer(key)).status_code == 200
    svc.ctx.store.revoke_key(key_id)
    assert svc.client.get("/api/meetings", headers=bearer(key)).status_code == 401


def test_me_tells_the_role_and_series(svc):
    me = svc.client.get("/api/me", headers=bearer(svc.keys["reader_other"])).json()
    assert me["role"] == "reader" and me["series"] == [OTHER_SERIES]


# --------------------------------------------------------------------------- roles


@pytest.mark.parametrize("role", ["reader"])
def test_reader_may_read_and_ask_but_not_change(svc, role):
    key, mid = svc.keys[role], svc.m0311["id"]
    assert svc.client.get("/api/meetings", headers=bearer(key)).status_code == 200
    assert svc.client.get(f"/api/meetings/{mid}", headers=bearer(key)).status_code == 200
    assert svc.client.get(f"/api/meetings/{mid}/verslag", headers=bearer(key)).status_code == 200
    assert svc.client.post("/api/ask", headers=bearer(key), json={"question": "safe space"}).status_code == 200
    action = svc.client.get("/api/actions", headers=bearer(key)).json()
    forbidden = [
        upload(svc.client, key, SEED_0311.name, SEED_0311.read_bytes()),
        svc.client.put(f"/api/meetings/{mid}/verslag", headers=bearer(key), json={"markdown": "# x"}),
        svc.client.delete(f"/api/meetings/{mid}", headers=bearer(key)),
        svc.client.post("/api/reindex", headers=bearer(key)),
    ]
    if action:
        forbidden.append(svc.client.post(f"/api/actions/{action[0]['id']}/done", headers=bearer(key)))
    for r in forbidden:
        assert r.status_code == 403, r.text
        assert "rol" in r.json()["detail"]


def test_only_admin_may_reindex(svc):
    assert svc.client.post("/api/reindex", headers=bearer(svc.keys["secretary"])).status_code == 403
    r = svc.client.post("/api/reindex", headers=bearer(svc.keys["admin"]))
    assert r.status_code == 200, r.text
    assert r.json()["meetings"] == 3 and r.json()["chunks"] > 0
    # the rebuilt index still answers
    ans = svc.client.post("/api/ask", headers=bearer(svc.keys["reader"]),
                          json={"question": "Wat hebben we afgesproken over safe space gesprekken?"}).json()
    assert ans["citations"]


# --------------------------------------------------------------------------- meetings


def test_upload_answers_201_with_the_parsed_meeting(svc):
    m = svc.m0311
    assert m["status"] == "new"
    assert m["date"] == "2024-03-11"
    item = safe_space_item(m)
    assert item["number"] == "2"
    source = svc.ctx.store.get_source(item["source_id"])
    assert source.raw_text[item["start"]:item["end"]] == item["raw_text"]
    for note in (n for i in m["items"] for n in i["notes"]):
        assert svc.ctx.store.get_source(note["source_id"]).raw_text[note["start"]:note["end"]] == note["text"]


def test_identical_reupload_is_200_unchanged(svc):
    r = upload(svc.client, svc.keys["secretary"], SEED_0311.name, SEED_0311.read_bytes())
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "unchanged" and r.json()["id"] == svc.m0311["id"]


def test_upload_with_notes_file_and_clean_agenda(svc, tmp_path):
    notes = "Aantekeningen 11 maart\n\nPunt 2: Peter wil dat we de gesprekken breder trekken.\n"
    r = upload(svc.client, svc.keys["secretary"], "agenda-11-maart-schoon.md", SEED_0311.read_bytes() + b"\n",
               notes=("aantekeningen.txt", notes.encode(), "text/plain"),
               clean_agenda=("schone-agenda.md", SEED_0311.read_bytes().replace(b"Peter is akkoord", b""),
                             "text/markdown"), year=2024)
    assert r.status_code == 201, r.text
    roles = {s["role"]: s["filename"] for s in r.json()["sources"]}
    assert roles == {"agenda": "agenda-11-maart-schoon.md", "notes": "aantekeningen.txt",
                     "clean_agenda": "schone-agenda.md"}
    assert svc.client.delete(f"/api/meetings/{r.json()['id']}", headers=bearer(svc.keys["secretary"])).status_code == 204


def test_list_and_get_meeting(svc):
    listed = svc.client.get("/api/meetings", headers=bearer(svc.keys["reader"])).json()
    ids = [m["id"] for m in listed]
    assert {svc.m0306["id"], svc.m0311["id"], svc.other["id"]} <= set(ids)
    assert ids.index(svc.m0306["id"]) < ids.index(svc.m0311["id"])  # oldest first
    only = svc.client.get("/api/meetings", params={"series": OTHER_SERIES}, headers=bearer(svc.keys["reader"])).json()
    assert [m["id"] for m in only] == [svc.other["id"]]
    got = svc.client.get(f"/api/meetings/{svc.m0311['id']}", headers=bearer(svc.keys["reader"])).json()
    assert got["id"] == svc.m0311["id"] and got["items"] == svc.m0311["items"]


def test_delete_meeting(svc):
    key = svc.keys["secretary"]
    r = upload(svc.client, key, "2024-05-21_werkgroep.md", WERKGROEP_MD.replace("14 mei", "21 mei").encode(),
               series=OTHER_SERIES)
    assert r.status_code == 201, r.text
    mid = r.json()["id"]
    assert svc.client.delete(f"/api/meetings/{mid}", headers=bearer(key)).status_code == 204
    assert svc.client.get(f"/api/meetings/{mid}", headers=bearer(key)).status_code == 404
    assert mid not in [m["id"] for m in svc.client.get("/api/meetings", headers=bearer(key)).json()]
    assert svc.client.delete(f"/api/meetings/{mid}", headers=bearer(key)).status_code == 404


def test_extraction_is_grounded(svc):
    r = svc.client.get(f"/api/meetings/{svc.m0311['id']}/extraction", headers=bearer(svc.keys["reader"]))
    assert r.status_code == 200, r.text
    ex = r.json()
    assert ex["meeting_id"] == svc.m0311["id"]
    facts = ex["decisions"] + ex["actions"] + ex["postponed"]
    assert facts, "the 11 March agenda has decisions, actions and postponed items"
    for fact in facts:
        c = fact["citation"]
        assert svc.ctx.store.get_source(c["source_id"]).raw_text[c["start"]:c["end"]] == c["quote"]


# --------------------------------------------------------------------------- verslag


def test_verslag_draft_edit_versions_and_docx(svc):
    key, mid = svc.keys["secretary"], svc.m0306["id"]
    draft = svc.client.get(f"/api/meetings/{mid}/verslag", headers=bearer(key)).json()
    assert draft["version"] == 0 and draft["saved"] is False and draft["status"] == "concept"
    assert draft["markdown"].strip()

    edited = draft["markdown"] + "\n\nAanvulling van de secretaris: de stuurgroep schuift aan.\n"
    v1 = svc.client.put(f"/api/meetings/{mid}/verslag", headers=bearer(key),
                        json={"markdown": edited, "base_version": 0})
    assert v1.status_code == 200, v1.text
    assert v1.json()["version"] == 1 and v1.json()["saved"] is True and v1.json()["author"] == "Secretaris I&D"
    v2 = svc.client.put(f"/api/meetings/{mid}/verslag", headers=bearer(key),
                        json={"markdown": edited + "Vastgesteld.\n", "status": "vastgesteld", "base_version": 1})
    assert v2.json()["version"] == 2 and v2.json()["status"] == "vastgesteld"

    latest = svc.client.get(f"/api/meetings/{mid}/verslag", headers=bearer(svc.keys["reader"])).json()
    assert latest["version"] == 2 and latest["markdown"].endswith("Vastgesteld.\n")
    fresh = svc.client.get(f"/api/meetings/{mid}/verslag", params={"draft": "true"}, headers=bearer(key)).json()
    assert fresh["version"] == 0 and "Aanvulling van de secretaris" not in fresh["markdown"]
    versions = svc.client.get(f"/api/meetings/{mid}/verslag/versions", headers=bearer(key)).json()
    assert [v["version"] for v in versions] == [1, 2]
    assert versions[0]["markdown"] == edited

    # a save based on an old version is refused, so nobody overwrites a colleague's edit unseen
    stale = svc.client.put(f"/api/meetings/{mid}/verslag", headers=bearer(key),
                           json={"markdown": "oud", "base_version": 1})
    assert stale.status_code == 409 and "versie 2" in stale.json()["detail"]

    import docx

    r = svc.client.get(f"/api/meetings/{mid}/verslag.docx", params={"version": 1}, headers=bearer(key))
    assert r.status_code == 200 and r.headers["content-type"] == DOCX_TYPE
    assert r.headers["content-disposition"].startswith("attachment;") and ".docx" in r.headers["content-disposition"]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(r.content)).paragraphs)
    assert "Aanvulling van de secretaris" in text
    assert svc.client.get(f"/api/meetings/{mid}/verslag.docx", params={"version": 99},
                          headers=bearer(key)).status_code == 404


def test_verslag_docx_of_an_unsaved_meeting_is_the_draft(svc):
    r = svc.client.get(f"/api/meetings/{svc.other['id']}/verslag.docx", headers=bearer(svc.keys["reader_other"]))
    assert r.status_code == 200 and r.content[:2] == b"PK"


def test_verslag_put_validation_names_the_field(svc):
    r = svc.client.put(f"/api/meetings/{svc.m0311['id']}/verslag", headers=bearer(svc.keys["secretary"]),
                       json={"markdown": ""})
    assert r.status_code == 422 and r.json()["field"] == "markdown"
    r = svc.client.put(f"/api/meetings/{svc.m0311['id']}/verslag", headers=bearer(svc.keys["secretary"]),
                       json={"markdown": "x", "status": "definitief"})
    assert r.status_code == 422 and r.json()["field"] == "status"


# --------------------------------------------------------------------------- ask


QUESTION = "Wat hebben we afgesproken over safe space gesprekken?"


def test_ask_answers_with_exact_citations(svc):
    r = svc.client.post("/api/ask", headers=bearer(svc.keys["reader"]), json={"question": QUESTION})
    assert r.status_code == 200, r.text
    ans = r.json()
    assert {"answer", "citations", "llm_used"} <= set(ans)
    assert ans["answer"].strip() and ans["citations"]
    for c in ans["citations"]:
        assert svc.ctx.store.get_source(c["source_id"]).raw_text[c["start"]:c["end"]] == c["quote"]
    assert any(c["meeting_id"] == svc.m0311["id"] and c["item"] == "2" for c in ans["citations"])


def test_ask_stream_sends_citations_tokens_and_done(svc):
    with svc.client.stream("POST", "/api/ask/stream", headers=bearer(svc.keys["reader"]),
                           json={"question": QUESTION}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        raw = "".join(r.iter_text())
    events = []
    for block in raw.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((lines["event"], json.loads(lines["data"])))
    kinds = [e for e, _ in events]
    assert kinds[0] == "status" and kinds[-1] == "done" and "citation" in kinds and "token" in kinds
    done = events[-1][1]
    assert "".join(d["text"] for e, d in events if e == "token") == done["answer"]
    assert [d for e, d in events if e == "citation"] == done["citations"]
    plain = svc.client.post("/api/ask", headers=bearer(svc.keys["reader"]), json={"question": QUESTION}).json()
    assert done["answer"] == plain["answer"]


def test_ask_validation_names_the_field(svc):
    for body, field in [({"question": ""}, "question"), ({}, "question"), ({"question": "x", "since": "gisteren"}, "since")]:
        r = svc.client.post("/api/ask", headers=bearer(svc.keys["reader"]), json=body)
        assert r.status_code == 422 and r.json()["field"] == field, r.text
        assert field in r.json()["detail"]
    r = svc.client.post("/api/ask", headers={**bearer(svc.keys["reader"]), "Content-Type": "application/json"},
                        content=b"{niet json")
    assert r.status_code == 422


def test_llm_failure_is_a_warning_not_a_500(svc, tmp_path):
    """An unreachable LLM endpoint: the answer still comes (extractive), never a 500."""
    settings = svc.settings.model_copy(update={"llm_base_url": "http://127.0.0.1:9/v1", "llm_model": "weg",
                                               "llm_max_retries": 0, "llm_timeout": 2.0})
    client = TestClient(create_app(settings), raise_server_exceptions=False)
    r = client.post("/api/ask", headers=bearer(svc.keys["reader"]), json={"question": QUESTION})
    assert r.status_code == 200, r.text
    assert r.json()["citations"] and r.json()["llm_used"] is False
    assert r.json()["warnings"], "the client is told the LLM was not used"


# --------------------------------------------------------------------------- actions


def test_actions_list_filter_and_mark_done(svc):
    key = svc.keys["secretary"]
    actions = svc.client.get("/api/actions", headers=bearer(key)).json()
    assert actions, "the seeds have actions (e.g. 'Peter komt morgen terug op stuk')"
    assert all(a["meeting_date"] and a["series"] for a in actions)
    target = next(a for a in actions if a["status"] == "open")
    if target["owner"]:
        by_owner = svc.client.get("/api/actions", params={"owner": target["owner"][:3].lower()},
                                  headers=bearer(key)).json()
        assert target["id"] in [a["id"] for a in by_owner]
        assert all(target["owner"][:3].lower() in (a["owner"] or "").lower() for a in by_owner)
    done = svc.client.post(f"/api/actions/{target['id']}/done", headers=bearer(key))
    assert done.status_code == 200 and done.json()["status"] == "done"
    open_ids = [a["id"] for a in svc.client.get("/api/actions", params={"status": "open"}, headers=bearer(key)).json()]
    done_ids = [a["id"] for a in svc.client.get("/api/actions", params={"status": "done"}, headers=bearer(key)).json()]
    assert target["id"] in done_ids and target["id"] not in open_ids
    reopened = svc.client.post(f"/api/actions/{target['id']}/open", headers=bearer(key))
    assert reopened.json()["status"] == "open"
    assert svc.client.post("/api/actions/bestaatniet/done", headers=bearer(key)).status_code == 404
    bad = svc.client.get("/api/actions", params={"status": "klaar"}, headers=bearer(key))
    assert bad.status_code == 422 and bad.json()["field"] == "status"


# --------------------------------------------------------------------------- series-limited keys


def test_series_limited_reader_sees_only_its_series(svc):
    key = svc.keys["reader_other"]
    listed = svc.client.get("/api/meetings", headers=bearer(key)).json()
    assert [m["id"] for m in listed] == [svc.other["id"]]
    mid = svc.m0311["id"]
    for path in (f"/api/meetings/{mid}", f"/api/meetings/{mid}/extraction", f"/api/meetings/{mid}/verslag",
                 f"/api/meetings/{mid}/verslag/versions", f"/api/meetings/{mid}/verslag.docx"):
        r = svc.client.get(path, headers=bearer(key))
        assert r.status_code == 403, path
        assert "reeks" in r.json()["detail"]
    assert svc.client.get(f"/api/meetings/{svc.other['id']}", headers=bearer(key)).status_code == 200
    # its questions search only its own series
    ans = svc.client.post("/api/ask", headers=bearer(key), json={"question": QUESTION}).json()
    assert all(c["meeting_id"] == svc.other["id"] for c in ans["citations"])
    assert "veiligheid" not in ans["answer"]
    ans = svc.client.post("/api/ask", headers=bearer(key), json={"question": "Wie vraagt een offerte op voor de fietsplekken?"}).json()
    assert ans["citations"] and all(c["meeting_id"] == svc.other["id"] for c in ans["citations"])
    r = svc.client.post("/api/ask", headers=bearer(key), json={"question": QUESTION, "series": svc.m0311["series"]})
    assert r.status_code == 403
    with svc.client.stream("POST", "/api/ask/stream", headers=bearer(key),
                           json={"question": QUESTION, "series": svc.m0311["series"]}) as r:
        assert r.status_code == 403
    assert all(a["series"] == OTHER_SERIES for a in svc.client.get("/api/actions", headers=bearer(key)).json())
    assert svc.client.get("/api/actions", params={"series": svc.m0311["series"]}, headers=bearer(key)).status_code == 403


def test_series_limited_secretary_stays_in_its_series(svc):
    key = svc.keys["secretary_other"]
    assert svc.other["series"].casefold() == OTHER_SERIES.casefold()  # uploaded without a series: the key's own
    r = upload(svc.client, key, SEED_0311.name, SEED_0311.read_bytes(), series=svc.m0311["series"])
    assert r.status_code == 403 and "reeks" in r.json()["detail"]
    assert svc.client.delete(f"/api/meetings/{svc.m0311['id']}", headers=bearer(key)).status_code == 403
    assert svc.client.put(f"/api/meetings/{svc.m0311['id']}/verslag", headers=bearer(key),
                          json={"markdown": "# x"}).status_code == 403
    foreign = svc.client.get("/api/actions", params={"series": svc.m0311["series"]},
                             headers=bearer(svc.keys["reader"])).json()
    if foreign:
        assert svc.client.post(f"/api/actions/{foreign[0]['id']}/done", headers=bearer(key)).status_code == 403
    assert svc.client.get(f"/api/meetings/{svc.m0311['id']}", headers=bearer(svc.keys["secretary"])).status_code == 200


# --------------------------------------------------------------------------- errors


def test_413_over_the_size_limit(svc):
    small = svc.settings.model_copy(update={"max_file_bytes": 1000})
    client = TestClient(create_app(small))
    r = upload(client, svc.keys["secretary"], SEED_0311.name, SEED_0311.read_bytes())
    assert r.status_code == 413 and r.json()["field"] == "agenda"
    r = upload(client, svc.keys["secretary"], "klein.md", b"# Overleg\n\n## 1. Opening\n",
               notes=("notities.txt", b"x" * 5000, "text/plain"))
    assert r.status_code == 413 and r.json()["field"] == "notes"
    # far over the limit: refused from the Content-Length before the body is read
    r = upload(client, svc.keys["secretary"], "groot.md", b"x" * 10_000)
    assert r.status_code == 413


def test_415_unsupported_type(svc):
    r = upload(svc.client, svc.keys["secretary"], "agenda.xlsx", b"PK\x03\x04 not a sheet")
    assert r.status_code == 415 and r.json()["field"] == "agenda" and "agenda.xlsx" in r.json()["detail"]
    r = upload(svc.client, svc.keys["secretary"], "agenda.md", WERKGROEP_MD.encode(),
               clean_agenda=("schoon.exe", b"MZ", "application/octet-stream"))
    assert r.status_code == 415 and r.json()["field"] == "clean_agenda"


def test_422_names_the_field(svc):
    key = svc.keys["secretary"]
    r = svc.client.post("/api/meetings", headers=bearer(key), data={"series": "x"})
    assert r.status_code == 422 and r.json()["field"] == "agenda"
    r = upload(svc.client, key, "agenda.md", WERKGROEP_MD.encode(), year="vorig jaar")
    assert r.status_code == 422 and r.json()["field"] == "year" and "year" in r.json()["detail"]
    r = upload(svc.client, key, "agenda.md", WERKGROEP_MD.encode(), year=1200)
    assert r.status_code == 422 and r.json()["field"] == "year"
    r = upload(svc.client, key, "leeg.md", b"")
    assert r.status_code == 422 and r.json()["field"] == "agenda"
    r = upload(svc.client, key, "kapot.pdf", b"%PDF-1.4 dit is geen echte pdf")
    assert r.status_code in (415, 422) and r.json()["field"] == "agenda"
    assert "Traceback" not in r.text


def test_404_for_what_does_not_exist(svc):
    key = svc.keys["admin"]
    for method, path in [("get", "/api/meetings/000000000000"), ("get", "/api/meetings/000000000000/extraction"),
                         ("get", "/api/meetings/000000000000/verslag"), ("get", "/api/meetings/000000000000/verslag.docx"),
                         ("get", "/api/meetings/000000000000/verslag/versions"), ("delete", "/api/meetings/000000000000"),
                         ("post", "/api/actions/000000000000/done"), ("get", "/api/bestaat-niet")]:
        r = getattr(svc.client, method)(path, headers=bearer(key))
        assert r.status_code == 404, (path, r.text)
        assert r.json()["detail"]


def test_an_unexpected_error_never_shows_a_trace(svc, caplog, monkeypatch):
    client = TestClient(svc.app, raise_server_exceptions=False)
    ctx = svc.app.state.notulist

    def broken(*args, **kwargs):
        raise RuntimeError("geheime interne details /var/lib/x")

    monkeypatch.setattr(ctx.store, "list_meetings", broken)
    with caplog.at_level(logging.ERROR, logger="notulist.service"):
        r = client.get("/api/meetings", headers=bearer(svc.keys["reader"]))
    assert r.status_code == 500
    assert "geheime" not in r.text and "Traceback" not in r.text and "referentie" in r.json()["detail"]
    assert "geheime interne details" in caplog.text  # the server log has the cause


# --------------------------------------------------------------------------- CLI


def test_keys_cli_create_list_revoke(svc, settings):
    from service.cli import main

    runner = CliRunner()
    r = runner.invoke(main, ["keys", "create", "--role", "secretary", "--series", OTHER_SERIES, "--name", "Joris"])
    assert r.exit_code == 0, r.output
    key = r.stdout.strip().splitlines()[-1]
    client = TestClient(create_app(settings))
    me = client.get("/api/me", headers=bearer(key)).json()
    assert me["role"] == "secretary" and me["series"] == [OTHER_SERIES] and me["name"] == "Joris"
    listed = runner.invoke(main, ["keys", "list"])
    assert me["id"] in listed.stdout and key not in listed.stdout
    assert runner.invoke(main, ["keys", "check"], input=key + "\n").stdout.strip() == "secretary"
    assert runner.invoke(main, ["keys", "revoke", me["id"]]).exit_code == 0
    assert client.get("/api/me", headers=bearer(key)).status_code == 401
    assert runner.invoke(main, ["keys", "check"], input=key + "\n").exit_code == 1
    assert runner.invoke(main, ["keys", "create", "--role", "baas"]).exit_code != 0
    assert runner.invoke(main, ["keys", "revoke", "bestaatniet"]).exit_code == 1


def test_serve_cli_is_registered():
    from service.cli import keys, main, serve

    assert serve.COMMANDS and keys.COMMANDS
    r = CliRunner().invoke(main, ["serve", "--help"])
    assert r.exit_code == 0 and "--port" in r.stdout and "--host" in r.stdout
