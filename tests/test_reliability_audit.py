"""Issue 14: the audit log (who uploaded, deleted, restored and asked what, when) and undoing a delete
within the retention period; /health reports the index state. Through the real app (TestClient)."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from notulist.store_rows import DeletedMeetingRow
from service.app import create_app
from service.pipeline import Notulist

DOC = ("# Werkgroep groen 4 april 2025\n\nAanwezig: Jan de Vries, Piet Jansen\n\n1. Bomenplan\n\n"
       "Besloten: de werkgroep stemt in met het bomenplan voor de Lindelaan.\n\n2. Rondvraag\n\nGeen vragen.\n")


@pytest.fixture
def svc(settings):
    app = Notulist(settings)
    keys = {role: app.store.create_key(role, name=f"{role}-sleutel")[1] for role in ("reader", "secretary", "admin")}
    with TestClient(create_app(settings)) as client:
        yield client, keys, app


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_upload_ask_delete_restore_are_audited_and_a_delete_is_undone(svc):
    client, keys, app = svc
    up = client.post("/api/meetings", headers=auth(keys["secretary"]), files={"agenda": ("groen.md", DOC.encode())})
    assert up.status_code == 201, up.text
    meeting_id = up.json()["id"]
    asked = client.post("/api/ask", headers=auth(keys["reader"]), json={"question": "Wat is besloten over het bomenplan?"})
    assert asked.status_code == 200 and asked.json()["found"]
    assert client.delete(f"/api/meetings/{meeting_id}", headers=auth(keys["secretary"])).status_code == 204
    assert client.get(f"/api/meetings/{meeting_id}", headers=auth(keys["secretary"])).status_code == 404

    bin_ = client.get("/api/deleted", headers=auth(keys["secretary"])).json()
    assert [d["meeting_id"] for d in bin_] == [meeting_id]
    assert dt.datetime.fromisoformat(bin_[0]["restorable_until"]).tzinfo is not None
    back = client.post(f"/api/deleted/{meeting_id}/restore", headers=auth(keys["secretary"]))
    assert back.status_code == 201, back.text
    assert back.json()["id"] == meeting_id
    assert client.get(f"/api/meetings/{meeting_id}", headers=auth(keys["reader"])).status_code == 200
    assert app.check().consistent

    assert client.get("/api/audit", headers=auth(keys["secretary"])).status_code == 403
    log = client.get("/api/audit", headers=auth(keys["admin"])).json()
    acts = [(e["action"], e["key_name"], e["role"], e["meeting_id"]) for e in reversed(log)]
    assert acts[:2] == [("upload", "secretary-sleutel", "secretary", meeting_id), ("ask", "reader-sleutel", "reader", None)]
    assert ("delete", "secretary-sleutel", "secretary", meeting_id) in acts
    assert ("restore", "secretary-sleutel", "secretary", meeting_id) in acts
    assert any(e["action"] == "ask" and "bomenplan" in e["detail"] for e in log)
    assert all(dt.datetime.fromisoformat(e["at"]).tzinfo is not None for e in log)


def test_a_delete_past_the_retention_period_cannot_be_undone(svc):
    client, keys, app = svc
    meeting_id = client.post("/api/meetings", headers=auth(keys["secretary"]),
                             files={"agenda": ("groen.md", DOC.encode())}).json()["id"]
    assert client.delete(f"/api/meetings/{meeting_id}", headers=auth(keys["secretary"])).status_code == 204
    with app.store.session() as s:
        s.execute(update(DeletedMeetingRow).values(
            deleted_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=app.settings.delete_retention_days + 1)))
    gone = client.post(f"/api/deleted/{meeting_id}/restore", headers=auth(keys["secretary"]))
    assert gone.status_code == 404 and "dagen bewaard" in gone.json()["detail"]


def test_health_reports_meetings_waiting_for_the_index(svc):
    client, keys, app = svc
    meeting_id = client.post("/api/meetings", headers=auth(keys["secretary"]),
                             files={"agenda": ("groen.md", DOC.encode())}).json()["id"]
    assert client.get("/health").json() | {"version": ""} == {"status": "ok", "version": "", "index": "ok", "pending": 0}
    app.store.mark_pending([meeting_id])
    assert client.get("/health").json()["index"] == "achter"
    asked = client.post("/api/ask", headers=auth(keys["reader"]), json={"question": "Wat is besloten over het bomenplan?"})
    assert any("nog niet in de zoekindex" in w for w in asked.json()["warnings"])
    report = client.post("/api/check?repair=true", headers=auth(keys["admin"])).json()
    assert report["consistent"] and any(meeting_id in r for r in report["repaired"])
    assert client.get("/health").json()["index"] == "ok"


ACTION_DOC = ("# Werkgroep groen 4 april 2025\n\nAanwezig: Jan de Vries, Piet Jansen\n\n1. Bomenplan\n\n"
              "Actie: Jan de Vries stuurt het bomenplan voor 1 mei naar de wijkraad.\n\n2. Rondvraag\n\nGeen vragen.\n")


def test_marking_an_action_done_and_saving_a_verslag_are_audited(svc):
    client, keys, app = svc
    sec = auth(keys["secretary"])
    meeting_id = client.post("/api/meetings", headers=sec, files={"agenda": ("acties.md", ACTION_DOC.encode())}).json()["id"]
    actions = client.get("/api/actions", headers=sec).json()
    assert actions, "the action of the document is extracted"
    assert client.post(f"/api/actions/{actions[0]['id']}/done", headers=sec).status_code == 200
    assert client.post(f"/api/actions/{actions[0]['id']}/open", headers=sec).status_code == 200
    saved = client.put(f"/api/meetings/{meeting_id}/verslag", headers=sec,
                       json={"markdown": "# Verslag\n\nHet bomenplan is besproken.", "status": "concept"})
    assert saved.status_code == 200, saved.text
    log = client.get("/api/audit", headers=auth(keys["admin"])).json()
    acts = [(e["action"], e["key_name"], e["meeting_id"]) for e in reversed(log)]
    assert ("done", "secretary-sleutel", meeting_id) in acts
    assert ("reopen", "secretary-sleutel", meeting_id) in acts
    assert ("verslag", "secretary-sleutel", meeting_id) in acts
