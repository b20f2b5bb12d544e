"""The gold data format (../shared/eval/README.md) as pydantic models, and the loader of a data set.

A data set is any folder with `docs/<stem>.<ext>`, `gold/<stem>.json` and an optional
`questions.json`; nothing here assumes file names or counts, so a new (or sealed) gold set needs no
code change.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from notulist.errors import InputError


class GoldModel(BaseModel):
    # gold files are written by hand: unknown keys are tolerated so a richer gold set still loads
    model_config = ConfigDict(extra="ignore", coerce_numbers_to_str=True)  # "postponed": [1, 7] is fine too


class GoldMeeting(GoldModel):
    title: str | None = None
    date: str | None = None  # ISO date or null
    date_as_written: str | None = None
    attendees: list[str] = Field(default_factory=list)


class GoldAgendaItem(GoldModel):
    number: str | None = None  # null where the document does not number its items
    title: str


class GoldDecision(GoldModel):
    item: str | None = None
    text: str = ""
    evidence: str


class GoldAction(GoldModel):
    item: str | None = None
    text: str = ""
    owner: str | None = None
    due: str | None = None
    due_date: str | None = None
    evidence: str


class GoldQuestion(GoldModel):
    q: str
    answer: str = ""
    key_facts: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class GoldDocument(GoldModel):
    meeting: GoldMeeting = Field(default_factory=GoldMeeting)
    agenda_items: list[GoldAgendaItem] = Field(default_factory=list)
    decisions: list[GoldDecision] = Field(default_factory=list)
    actions: list[GoldAction] = Field(default_factory=list)
    postponed: list[str] = Field(default_factory=list)
    questions: list[GoldQuestion] = Field(default_factory=list)


class CrossEvidence(GoldModel):
    doc: str  # stem of a document of the same data set
    quote: str


class CrossQuestion(GoldModel):
    q: str
    answer: str = ""
    key_facts: list[str] = Field(default_factory=list)
    evidence: list[CrossEvidence] = Field(default_factory=list)


class GoldDoc(BaseModel):
    """One document of a data set: its file and its gold annotation."""

    stem: str
    path: Path
    gold: GoldDocument


class Dataset(BaseModel):
    name: str
    root: Path
    docs: list[GoldDoc]
    questions: list[CrossQuestion] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def doc(self, stem: str) -> GoldDoc | None:
        return next((d for d in self.docs if d.stem == stem), None)


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"gold-bestand is geen geldige JSON ({exc})", filename=str(path)) from exc


def load_dataset(root: Path | str) -> Dataset:
    """Load every `docs/<stem>.<ext>` that has a `gold/<stem>.json`, plus `questions.json` if present.

    A document without gold, or gold without a document, is reported as a warning (not scored):
    a partly annotated folder must still run.
    """
    root = Path(root)
    docs_dir, gold_dir = root / "docs", root / "gold"
    if not docs_dir.is_dir() or not gold_dir.is_dir():
        raise InputError(f"'{root}' is geen gold-dataset: docs/ en gold/ ontbreken", filename=str(root))
    warnings: list[str] = []
    files = sorted(p for p in docs_dir.iterdir() if p.is_file() and not p.name.startswith("."))
    by_stem: dict[str, Path] = {}
    for path in files:
        if path.stem in by_stem:
            warnings.append(f"twee documenten met stam '{path.stem}': {by_stem[path.stem].name} gebruikt")
            continue
        by_stem[path.stem] = path
    docs: list[GoldDoc] = []
    for stem, path in by_stem.items():
        gold_path = gold_dir / f"{stem}.json"
        if not gold_path.is_file():
            warnings.append(f"geen gold voor {path.name}: niet gescoord")
            continue
        try:
            gold = GoldDocument.model_validate(_read_json(gold_path))
        except ValidationError as exc:
            raise InputError(f"gold-bestand klopt niet met het formaat: {exc}", filename=str(gold_path)) from exc
        docs.append(GoldDoc(stem=stem, path=path, gold=gold))
    for gold_path in sorted(gold_dir.glob("*.json")):
        if gold_path.stem not in by_stem:
            warnings.append(f"gold zonder document: {gold_path.name}")
    questions: list[CrossQuestion] = []
    qpath = root / "questions.json"
    if qpath.is_file():
        try:
            questions = [CrossQuestion.model_validate(q) for q in _read_json(qpath)]
        except (ValidationError, TypeError) as exc:
            raise InputError(f"questions.json klopt niet met het formaat: {exc}", filename=str(qpath)) from exc
    name = root.resolve().name
    return Dataset(name=name, root=root, docs=docs, questions=questions, warnings=warnings)
