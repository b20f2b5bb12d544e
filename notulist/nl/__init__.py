"""The Dutch language data of Notulist, as data files, loaded and compiled once.

Every Dutch cue the stages use (ingest's note heuristics, the rule engine, retrieval's intent detection)
lives in one file under ``notulist/nl/data/``, one concept a file, with a comment saying what it is for:

- ``<family>.toml``: a cue family (decision, action, postponed, done, procedural, request, reason, and the
  families the rule engine tells apart: negation, proposal, deferred_decision, ...). ``phrases`` are plain
  words (whole words, any case); ``patterns`` are Python regular expressions (case-insensitive).
- ``action_general.toml``: the general action verbs and the complement each needs to be an action.
- ``abbreviations.txt``: abbreviations whose dot does not end a sentence.
- ``roles.toml``: role words and compound endings ("secretaris", "-leider").
- ``calendar.toml``: month names and abbreviations, weekdays.
- ``owner_words.toml``, ``verb_lists.toml``, ``content_words.toml``: closed word lists (particles, function
  words, verb lists, stop words).
- ``table_columns.toml``: column names of action and decision tables and the role each names.
- ``structure.toml``: the parser's structure words (other dates, session parts, page chrome, parts of an
  agenda point), read whole with ``lex.table("structure.toml")``.
- ``retrieval*.toml`` (``retrieval.toml``, ``retrieval_answers.toml``): retrieval's own vocabulary
  (question words, answer kinds), read whole with ``lex.table(file)``.

Use::

    from notulist.nl import lexicon
    lex = lexicon()
    lex.pattern("postponed").search(clause)   # compiled once per lexicon
    lex.phrases("postponed"), lex.abbreviations, lex.roles, lex.months, lex.version

``lex.version`` is a content hash of the data files; extractions record it (as prompts record theirs).
Tests load a modified copy with ``load_lexicon(path)`` and install it with ``use_lexicon(lex)``; every
caller that asks ``lexicon()`` at use time (not at import time) then sees it.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
import tomllib
from collections.abc import Callable, Iterator
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict

DATA_DIR = Path(__file__).parent / "data"

Family = Literal[
    "decision", "action", "postponed", "postponed_next", "postponed_context", "next_meeting_line",
    "deferred_decision", "future_decision", "negation", "proposal", "proposal_outcome", "advice", "done",
    "not_done", "done_report", "deadline_ready", "passive_action", "commitment", "agreed", "request",
    "procedural", "reason", "done_status", "still_open", "done_now", "earlier_action", "record_words", "team_name",
    "list_heading", "action_list_title", "block_label", "term_sentence", "frame_item", "bare_adoption",
    "paperwork_title", "bare_outcome", "rejected_outcome", "held_outcome",
    "embedded_instruction", "not_task", "assent", "subject_line", "bare_task", "outcome_heading", "article_block", "formal_body", "meta_line", "reported_decision", "hedge", "todo_intro", "other_body", "later_purpose", "explanation_label",
    "column_header", "quoted_proposal", "executive_besluit",
]
FAMILIES: tuple[str, ...] = get_args(Family)
# closed word lists: name -> the data file that holds it
WordList = Literal["particles", "generic_subjects", "team_pronouns", "third_pronouns", "speaker_first",
                   "function_words", "telegraphic", "not_team_action", "not_action", "reported_speech",
                   "not_infinitive", "stop_words"]
_WORD_FILES = {"owner_words": ("particles", "generic_subjects", "team_pronouns", "third_pronouns", "speaker_first",
                               "function_words"),
               "verb_lists": ("telegraphic", "not_team_action", "not_action", "reported_speech", "not_infinitive"),
               "content_words": ("stop_words",)}


class CueFamily(BaseModel):
    """One cue family as written in its data file."""

    model_config = ConfigDict(frozen=True)
    family: str
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    ignore_case: bool = True
    # the patterns are tried one by one and share group names (action verbs: group `v`); `pattern()`
    # then joins them without their group names
    each: bool = False

    def regex(self) -> str:
        """The family as one alternation: the patterns in file order, then the phrases as whole words."""
        parts = [re.sub(r"\(\?P<\w+>", "(?:", p) for p in self.patterns] if self.each else list(self.patterns)
        if self.phrases:
            words = sorted(self.phrases, key=len, reverse=True)
            parts.append(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in words) + r")\b")
        return "|".join(parts) or r"(?!)"


class GeneralVerbs(BaseModel):
    """General action verbs and the complement (a regex on the rest of the clause) each one needs."""

    model_config = ConfigDict(frozen=True)
    verbs: tuple[str, ...]
    complement: dict[str, str]


class Lexicon:
    """The loaded language data of one data folder; regexes compiled on first use and kept."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._families: dict[str, CueFamily] = {}
        for name in FAMILIES:
            data = tomllib.loads((self.root / f"{name}.toml").read_text(encoding="utf-8"))
            self._families[name] = CueFamily(**data)
        self._compiled: dict[str, re.Pattern[str]] = {}
        self._compiled_each: dict[str, tuple[re.Pattern[str], ...]] = {}
        self._sets: dict[str, frozenset[str]] = {}
        self._built: dict[str, re.Pattern[str]] = {}
        self._tables: dict[str, dict] = {}

    def family(self, name: Family) -> CueFamily:
        if name not in self._families:
            raise KeyError(f"onbekende cue-familie: {name!r} (bekend: {', '.join(FAMILIES)})")
        return self._families[name]

    def pattern(self, name: Family) -> re.Pattern[str]:
        """The family's compiled regex (patterns, then phrases), compiled once."""
        if name not in self._compiled:
            fam = self.family(name)
            self._compiled[name] = re.compile(fam.regex(), re.IGNORECASE if fam.ignore_case else 0)
        return self._compiled[name]

    def each(self, name: Family) -> tuple[re.Pattern[str], ...]:
        """The family's patterns compiled one by one, in file order (for families tried pattern by pattern)."""
        key = name + "/each"
        if key not in self._compiled_each:
            fam = self.family(name)
            flags = re.IGNORECASE if fam.ignore_case else 0
            self._compiled_each[key] = tuple(re.compile(p, flags) for p in fam.patterns)
        return self._compiled_each[key]

    def patterns(self, name: Family) -> tuple[str, ...]:
        return self.family(name).patterns

    def phrases(self, name: Family) -> tuple[str, ...]:
        return self.family(name).phrases

    @cached_property
    def general_verbs(self) -> GeneralVerbs:
        data = tomllib.loads((self.root / "action_general.toml").read_text(encoding="utf-8"))
        return GeneralVerbs(verbs=tuple(data["verbs"]), complement=data["complement"])

    @cached_property
    def _word_lists(self) -> dict[str, tuple[str, ...]]:
        lists: dict[str, tuple[str, ...]] = {}
        for file, names in _WORD_FILES.items():
            data = tomllib.loads((self.root / f"{file}.toml").read_text(encoding="utf-8"))
            lists.update({name: tuple(data[name]) for name in names})
        return lists

    def words(self, name: WordList) -> tuple[str, ...]:
        """A closed word list in file order (owner_words.toml, verb_lists.toml)."""
        return self._word_lists[name]

    def word_set(self, name: WordList) -> frozenset[str]:
        """A closed word list as a set, built once."""
        key = "set/" + name
        if key not in self._sets:
            self._sets[key] = frozenset(self.words(name))
        return self._sets[key]

    def compiled(self, key: str, build: Callable[[Lexicon], re.Pattern[str]]) -> re.Pattern[str]:
        """A regex a stage builds from this lexicon's data, built once per lexicon under `key`."""
        if key not in self._built:
            self._built[key] = build(self)
        return self._built[key]

    def table(self, file: str) -> dict:
        """A stage's own vocabulary file (``retrieval.toml``), parsed once: its TOML tables."""
        if file not in self._tables:
            self._tables[file] = tomllib.loads((self.root / file).read_text(encoding="utf-8"))
        return self._tables[file]

    @cached_property
    def table_columns(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """(role, compiled header pattern) of action/decision table columns, in the order they are checked."""
        data = tomllib.loads((self.root / "table_columns.toml").read_text(encoding="utf-8"))
        return tuple((c["role"], re.compile(c["pattern"], re.IGNORECASE)) for c in data["column"])

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        """Lower-case abbreviations without their final dot ("o.a", "bijv", "mrt")."""
        lines = (self.root / "abbreviations.txt").read_text(encoding="utf-8").splitlines()
        return frozenset(w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#"))

    @cached_property
    def _roles(self) -> dict[str, list[str]]:
        return tomllib.loads((self.root / "roles.toml").read_text(encoding="utf-8"))

    @property
    def roles(self) -> frozenset[str]:
        """Role nouns ("secretaris", "college", "mt")."""
        return frozenset(self._roles["words"])

    @property
    def role_suffixes(self) -> tuple[str, ...]:
        """Endings that make a compound a role ("projectleider", "secretaris-directeur")."""
        return tuple(self._roles["suffixes"])

    @cached_property
    def _calendar(self) -> dict:
        return tomllib.loads((self.root / "calendar.toml").read_text(encoding="utf-8"))

    @property
    def months(self) -> dict[str, int]:
        """Month spellings (lower case, no trailing dot) -> month number, in file order."""
        return dict(self._calendar["months"])

    @property
    def month_names(self) -> list[str]:
        return list(self._calendar["month_names"])

    @property
    def weekdays(self) -> dict[str, int]:
        return dict(self._calendar["weekdays"])

    @property
    def weekday_abbreviations(self) -> dict[str, int]:
        return dict(self._calendar["weekday_abbreviations"])

    @cached_property
    def version(self) -> str:
        """Content hash of every data file (name and bytes), e.g. 'nl-3f9a0c1d2e4b'."""
        digest = hashlib.sha256()
        for path in sorted(self.root.iterdir()):
            if path.is_file() and path.suffix in (".toml", ".txt"):
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        return "nl-" + digest.hexdigest()[:12]


@lru_cache(maxsize=8)
def load_lexicon(path: Path | str = DATA_DIR) -> Lexicon:
    """The lexicon of a data folder (the packaged one by default), loaded once per folder."""
    return Lexicon(Path(path))


_installed: list[Lexicon] = []


def lexicon() -> Lexicon:
    """The lexicon in use: the one installed with `use_lexicon`, else the packaged data."""
    return _installed[-1] if _installed else load_lexicon(DATA_DIR)


@contextlib.contextmanager
def use_lexicon(lex: Lexicon) -> Iterator[Lexicon]:
    """Install `lex` for every caller of `lexicon()` inside the block (tests of modified data)."""
    _installed.append(lex)
    try:
        yield lex
    finally:
        _installed.remove(lex)


def copy_data(target: Path) -> Path:
    """A writable copy of the packaged data folder at `target` (for tests that edit one file)."""
    shutil.copytree(DATA_DIR, target, dirs_exist_ok=True)
    return Path(target)


__all__ = ["DATA_DIR", "FAMILIES", "CueFamily", "Family", "GeneralVerbs", "Lexicon", "WordList", "copy_data",
           "lexicon", "load_lexicon", "use_lexicon"]
