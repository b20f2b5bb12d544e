"""Turn eval results into the printed table, report.json (fixed keys), report.md and scores.png."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np

from eval.metrics import Scores
from eval.runner import DatasetResult, EvalResult

# (column header, path in the fixed report structure): the main scores shown per document
COLUMNS = [
    ("besl F1", ("decisions", "f1")),
    ("actie F1", ("actions", "f1")),
    ("eigenaar", ("actions", "owner_accuracy")),
    ("deadline", ("actions", "due_accuracy")),
    ("uitgest F1", ("postponed", "f1")),
    ("agenda F1", ("agenda_items", "f1")),
    ("datum", ("meeting_date", "accuracy")),
    ("hit@1", ("retrieval", "hit@1")),
    ("hit@5", ("retrieval", "hit@5")),
    ("MRR", ("retrieval", "mrr")),
    ("feiten", ("answers", "key_fact_recall")),
    ("citaat", ("answers", "citation_accuracy")),
    ("niet-exact", ("answers", "non_exact_quotes")),
]
# the bars of the chart (one group per document)
CHART = ["decisions.f1", "actions.f1", "postponed.f1", "agenda_items.f1", "retrieval.hit@5",
         "answers.key_fact_recall", "answers.citation_accuracy"]


def get_path(report: dict, dotted: str):
    """`get_path(r, "retrieval.hit@5")`: the keys contain no dots except this separator."""
    section, key = dotted.split(".", 1)
    return report.get(section, {}).get(key)


def _unique_names(datasets: list[DatasetResult]) -> list[str]:
    seen: dict[str, int] = {}
    names = []
    for d in datasets:
        seen[d.name] = seen.get(d.name, 0) + 1
        names.append(d.name if seen[d.name] == 1 else f"{d.name}-{seen[d.name]}")
    return names


def build_report(result: EvalResult) -> dict:
    """report.json: the fixed keys hold the overall micro average; `documents` every document (keyed by
    stem, or `dataset/stem` when several data sets are scored); `datasets` the same per data set;
    `details` the counts, number agreement, errors, warnings and timings behind them."""
    names = _unique_names(result.datasets)
    several = len(result.datasets) > 1
    report = result.total.report()
    report["documents"] = {}
    report["datasets"] = {}
    details: dict = {"generated": dt.datetime.now().isoformat(timespec="seconds"), "datasets": {}}
    for name, ds in zip(names, result.datasets):
        docs = {d.stem: d.scores.report() for d in ds.docs}
        report["datasets"][name] = {**ds.total.report(), "documents": docs}
        for stem, value in docs.items():
            report["documents"][f"{name}/{stem}" if several else stem] = value
        details["datasets"][name] = {
            "path": str(ds.root),
            "llm_requested": ds.llm_requested,
            "llm_available": ds.llm_available,
            "counts": ds.total.details(),
            "cross_document_questions": ({**ds.cross.report(), "questions": ds.cross_trace}
                                         if ds.cross.retrieval.questions else None),
            "seconds": {k: round(v, 2) for k, v in ds.seconds.items()},
            "warnings": ds.warnings,
            "documents": {
                d.stem: {"file": d.filename, "error": d.error, "warnings": d.warnings,
                         "seconds": {k: round(v, 2) for k, v in d.seconds.items()}, "counts": d.scores.details(),
                         "diagnostics": d.diagnostics}
                for d in ds.docs
            },
        }
    report["details"] = details
    return report


def _fmt(value) -> str:
    return "–" if value is None else f"{value:.2f}"


QUESTION_SECTIONS = {"retrieval", "answers"}


def _row(label: str, scores: dict, *, questions_only: bool = False) -> list[str]:
    """One table row; the cross-document questions row has only retrieval and answer scores."""
    return [label] + [("–" if questions_only and s not in QUESTION_SECTIONS else _fmt(scores[s][k]))
                      for _h, (s, k) in COLUMNS]


def _rows(result: EvalResult, width: int = 48) -> list[tuple[str, list[list[str]]]]:
    """Per data set: a row per document and the micro average; plus an overall row for several."""
    out = []
    for name, ds in zip(_unique_names(result.datasets), result.datasets):
        rows = []
        for d in ds.docs:
            label = d.stem if len(d.stem) <= width else d.stem[:width - 3] + "..."
            rows.append(_row(label + (" [FOUT]" if d.error else ""), d.scores.report()))
        if ds.cross.retrieval.questions:
            rows.append(_row("(vragen over meerdere documenten)", ds.cross.report(), questions_only=True))
        rows.append(_row(f"MICRO-GEMIDDELDE {name}", ds.total.report()))
        out.append((name, rows))
    if len(result.datasets) > 1:
        out.append(("totaal", [_row("MICRO-GEMIDDELDE alle datasets", result.total.report())]))
    return out


def render_table(result: EvalResult) -> str:
    headers = ["document"] + [h for h, _ in COLUMNS]
    blocks = _rows(result)
    widths = [len(h) for h in headers]
    for _name, rows in blocks:
        for r in rows:
            widths = [max(w, len(c)) for w, c in zip(widths, r)]

    def line(cells):
        return "  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(cells))

    out = [line(headers), "-" * (sum(widths) + 2 * (len(widths) - 1))]
    for name, rows in blocks:
        out.append(f"[{name}]")
        out.extend(line(r) for r in rows)
    return "\n".join(out)


def render_markdown(result: EvalResult, report: dict) -> str:
    headers = ["document"] + [h for h, _ in COLUMNS]
    md = ["# Notulist eval", "", f"Gemaakt: {report['details']['generated']}", ""]
    md += ["Scores volgens `shared/eval/README.md`: micro-gemiddelden over alle documenten; `–` = niet "
           "gedefinieerd (niets te tellen).", ""]
    for name, rows in _rows(result, width=200):
        md += [f"## {name}", "", "| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        md += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]
        md.append("")
    for name, det in report["details"]["datasets"].items():
        md += [f"### {name}: details", "", f"- pad: `{det['path']}`",
               f"- LLM gevraagd: {det['llm_requested']}, beschikbaar: {det['llm_available']}",
               f"- agendapunten nummer-overeenkomst: {_fmt(det['counts']['agenda_items']['number_agreement'])}",
               f"- tijden (s): {det['seconds']}"]
        for stem, d in det["documents"].items():
            if d["error"]:
                md.append(f"- **{stem}**: {d['error']}")
            for w in d["warnings"]:
                md.append(f"- {stem}: {w}")
        for w in det["warnings"]:
            md.append(f"- {w}")
        md.append("")
    md += ["![scores per document](scores.png)", ""]
    return "\n".join(md)


def render_chart(result: EvalResult, path: Path) -> None:
    """Grouped horizontal bars: the main scores of every document (Agg backend, no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = _unique_names(result.datasets)
    labels, values = [], []
    for name, ds in zip(names, result.datasets):
        for d in ds.docs:
            stem = d.stem if len(d.stem) <= 40 else d.stem[:37] + "..."
            labels.append(f"{name}/{stem}" if len(result.datasets) > 1 else stem)
            r = d.scores.report()
            values.append([get_path(r, k) or 0.0 for k in CHART])
    if not labels:
        labels, values = ["(geen documenten)"], [[0.0] * len(CHART)]
    data = np.array(values)
    n_docs, n_bars = data.shape
    height = 0.8 / n_bars
    fig, ax = plt.subplots(figsize=(10, max(3.0, 0.9 * n_docs + 1.5)))
    y = np.arange(n_docs)
    colors = plt.get_cmap("tab10").colors
    for j, key in enumerate(CHART):
        ax.barh(y + (j - (n_bars - 1) / 2) * height, data[:, j], height=height, label=key, color=colors[j % 10])
    ax.set_yticks(y, labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.0)
    ax.set_xlabel("score")
    ax.set_title("Notulist eval: hoofdscores per document")
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.6 / max(3.0, 0.9 * n_docs + 1.5)),
              ncol=4, frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_reports(result: EvalResult, out_dir: Path | str) -> dict:
    """Write report.json, report.md and scores.png; returns the report dict."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = build_report(result)
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    (out / "report.md").write_text(render_markdown(result, report), encoding="utf-8")
    render_chart(result, out / "scores.png")
    return report


__all__ = ["build_report", "render_table", "write_reports", "get_path", "Scores"]
