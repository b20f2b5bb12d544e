"""The floor check: CI fails when a main score of a data set drops below the floor in floors.json.

Floors only go up: raise them when scores improve, and say so in the change when one must go down.
"""

from __future__ import annotations

import json
from pathlib import Path

from eval.report import get_path

FLOORS_FILE = Path(__file__).with_name("floors.json")
MAIN_SCORES = [
    "decisions.f1", "actions.f1", "actions.owner_accuracy", "actions.due_accuracy", "postponed.f1",
    "agenda_items.f1", "meeting_date.accuracy", "retrieval.hit@1", "retrieval.hit@5", "retrieval.mrr",
    "answers.key_fact_recall", "answers.citation_accuracy",
]


def load_floors(path: Path | str = FLOORS_FILE) -> dict[str, dict[str, float]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {name: scores for name, scores in data.items() if not name.startswith("_")}


def check_floors(report: dict, floors: dict[str, dict[str, float]]) -> list[str]:
    """Every violated floor as a readable line (empty: all fine).

    Per data set in `report["datasets"]` that has floors; `answers.non_exact_quotes` must be 0 for every
    data set, floor or not (an answer quote that is not in the source is a broken promise)."""
    problems = []
    for name, scores in report.get("datasets", {}).items():
        non_exact = get_path(scores, "answers.non_exact_quotes")
        if non_exact:
            problems.append(f"{name}: answers.non_exact_quotes = {non_exact:.3f} (moet 0 zijn)")
        for key, floor in floors.get(name, {}).items():
            value = get_path(scores, key)
            if value is None:
                problems.append(f"{name}: {key} ontbreekt (vloer {floor:.3f})")
            elif value + 1e-9 < floor:
                problems.append(f"{name}: {key} = {value:.3f} < vloer {floor:.3f}")
    return problems
