"""Which code path proposes each action on a data set, and how precise is each path?

`cd <clone> && nice -n 10 .venv/bin/python benchmarks/action_paths.py [--data eval/data/real/dev] [--by cue|detector|path]
[--batches] [--show PATH]` ingests every document (no search index), runs the rule extraction with the action
producers instrumented, labels every proposed action with the eval's one-to-one matching, and prints precision per
path: over all documents, and (--batches) over the documents of the newest batches of unseen bodies
(eval/data/real/sources-corpus12a/12b/12c/13a/14a/14b.json). `--show PATH` lists that path's proposals with their label.

A path is where the action came from: `clause:<detector>:<cue>` (an item's text read clause by clause;
`list-<kind>` when under a list label), `table`, `status-rows`, `list-rows`, `flat-rows`, or `other`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("NOTULIST_EXTRACTION_SCORER", "off")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.gold import load_dataset  # noqa: E402
from eval.metrics import citation_span, match_spans  # noqa: E402
from eval.runner import _Corpus, eval_settings  # noqa: E402
from service.pipeline import InputFile, Notulist  # noqa: E402
from summarise import rules  # noqa: E402
from summarise.extract import records, regions  # noqa: E402

BATCHES = ("12a", "12b", "12c", "13a", "14a", "14b", "15a", "15b")
TAGS: dict[str, str] = {}


class _NoIndex(Notulist):
    def index_meeting(self, meeting, sources=None, chunks=None) -> int:
        return 0


def _instrument() -> None:
    add, replace = regions.add_action, records.replace_action

    def add_action(w, hit, norm, s, e, adjacent, previous_subject):
        before = list(w.ctx.actions)
        add(w, hit, norm, s, e, adjacent, previous_subject)
        new = [a for a in w.ctx.actions if a not in before]
        det = rules.detector_for(norm, w.mode) or "-"
        where = f"list-{w.list_kind}" if w.list_kind else "clause"
        for a in new:
            TAGS.setdefault(a.id, f"{where}:{det}:{hit.cue}")

    def replace_action(w, prev, start, e, **update):
        tag = TAGS.get(prev.id)
        replace(w, prev, start, e, **update)
        if tag is not None:
            TAGS.setdefault(w.last_hit[1].id, tag)

    regions.add_action, records.replace_action = add_action, replace_action
    for name, path in (("process_table", "table"), ("process_status_rows", "status-rows"),
                       ("process_list_rows", "list-rows"), ("process_flat_rows", "flat-rows")):
        setattr(regions, name, _tagging(getattr(regions, name), path))


def _tagging(fn, path):
    def wrapped(ctx, *args, **kw):
        before = {a.id for a in ctx.actions}
        out = fn(ctx, *args, **kw)
        for a in ctx.actions:
            if a.id not in before:
                TAGS.setdefault(a.id, path)
        return out
    return wrapped


def collect(root: Path) -> list[dict]:
    """One row per proposed action: stem, path, matched, owner ok, quote."""
    rows = []
    dataset = load_dataset(root)
    with tempfile.TemporaryDirectory(prefix="notulist-paths-", ignore_cleanup_errors=True) as tmp:
        app = _NoIndex(eval_settings(Path(tmp) / "data"))
        corpus = _Corpus(app)
        for d in dataset.docs:
            res = app.ingest(InputFile.from_path(d.path))
            if res.status == "error" or not res.meeting_id:
                continue
            meeting = app.store.get_meeting(res.meeting_id)
            sid = meeting.source_ids[0]
            corpus.by_stem[d.stem] = sid
            corpus.source(sid)
            extraction = app.extraction(meeting.id)
            gold = d.gold.actions
            g = [corpus.locate(d.stem, a.evidence) for a in gold]
            p = [citation_span(a.citation, sid, corpus.norm[sid]) for a in extraction.actions]
            matched = dict((pi, gi) for gi, pi in match_spans(g, p))
            for i, a in enumerate(extraction.actions):
                owner_ok = None
                if i in matched:
                    from eval.metrics import norm_owner
                    owner_ok = norm_owner(gold[matched[i]].owner) == norm_owner(a.owner, a.owner_redacted)
                rows.append({"stem": d.stem, "path": TAGS.get(a.id, "other"), "ok": i in matched,
                             "owner_ok": owner_ok, "quote": " ".join(a.citation.quote.split())[:160]})
            rows.append({"stem": d.stem, "path": "#gold", "ok": False, "n_gold": len(gold), "quote": "",
                         "missed": [a.evidence for gi, a in enumerate(gold) if gi not in matched.values()]})
    return rows


def _key(path: str, by: str) -> str:
    parts = path.split(":")
    if by == "path" or len(parts) < 3:
        return parts[0]
    return f"{parts[0]}:{parts[1]}" if by == "detector" else path


def table(rows: list[dict], by: str) -> str:
    agg = defaultdict(lambda: [0, 0, 0, 0])
    for r in rows:
        if r["path"] == "#gold":
            continue
        k = agg[_key(r["path"], by)]
        k[0] += 1
        k[1] += r["ok"]
        k[2] += bool(r.get("owner_ok"))
    total_gold = sum(r.get("n_gold", 0) for r in rows)
    out = ["| path | proposed | matched | P | owner ok |", "|---|---|---|---|---|"]
    for key, (n, ok, own, _) in sorted(agg.items(), key=lambda kv: -kv[1][0]):
        out.append(f"| {key} | {n} | {ok} | {ok / n:.2f} | {own}/{ok} |")
    n = sum(v[0] for v in agg.values())
    ok = sum(v[1] for v in agg.values())
    out.append(f"| ALL (gold {total_gold}) | {n} | {ok} | {ok / max(n, 1):.3f} | R {ok / max(total_gold, 1):.3f} |")
    return "\n".join(out)


def batch_stems() -> set[str]:
    stems = set()
    for b in BATCHES:
        f = ROOT / "eval" / "data" / "real" / f"sources-corpus{b}.json"
        if f.exists():
            stems |= {e["stem"] for e in json.loads(f.read_text()) if e.get("part") == "dev"}
    return stems


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT / "eval" / "data" / "real" / "dev"))
    ap.add_argument("--by", default="detector", choices=("cue", "detector", "path"))
    ap.add_argument("--batches", action="store_true")
    ap.add_argument("--show", default=None)
    ap.add_argument("--missed", action="store_true", help="list the gold actions no proposal matched")
    ap.add_argument("--json", default=None, help="write the rows here")
    args = ap.parse_args()
    _instrument()
    rows = collect(Path(args.data))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=0))
    print(f"## All documents of {args.data}\n")
    print(table(rows, args.by))
    if args.batches:
        stems = batch_stems()
        print(f"\n## Batches {', '.join(BATCHES)} ({len(stems)} documents)\n")
        print(table([r for r in rows if r["stem"] in stems], args.by))
    if args.missed:
        for r in rows:
            if r["path"] == "#gold" and (not args.batches or r["stem"] in batch_stems()):
                for ev in r["missed"]:
                    print("MISSED " + r["stem"][:40] + " | " + " ".join(ev.split())[:200])
    if args.show:
        for r in rows:
            if r["path"] != "#gold" and _key(r["path"], args.by) == args.show:
                print(("+ " if r["ok"] else "- ") + r["stem"][:40] + " | " + r["quote"])


if __name__ == "__main__":
    main()
