"""The Dutch rule engine: clause spans, owners and an ordered list of named detectors.

Rules describe how Dutch meeting notes, minutes and besluitenlijsten are written in general
("Besluit:", "akkoord", "stemt in", "Actie:", "X pakt dit op", "zorgt voor", "volgende keer",
"aangehouden"), not the wording of one series. Everything works on clause spans of the raw source
text, so every hit can be cited exactly. The vocabulary is data: notulist/nl/data/.

Modules: clauses (spans, questions), owners (who), verbs (action verbs with their subject), decisions,
actions, postponed, done, notes_style (detectors), engine (`DETECTORS`, `analyse`), cues (structural
patterns and `cue(family)`), hits (types).
"""

from summarise.rules.clauses import _is_question, abbreviations, is_question, is_question_like, lines_start, split_clauses
from summarise.rules.cues import BESLUIT_CLAUSE, DECISION_INTRO, cue
from summarise.rules.done import done_report, is_status_report, reports_done, says_not_done
from summarise.rules.engine import DETECTORS, Detector, analyse, detector_for, prepare
from summarise.rules.hits import Clause, Hit, HitKind, Mode, Owner, OwnerKind
from summarise.rules.owners import (
    RED,
    _strip_article,
    classify_np,
    clause_subject,
    function_words,
    co_owner,
    is_role,
    owner_after,
    owner_before,
)
from summarise.rules.postponed import reads_postponed

__all__ = [
    "BESLUIT_CLAUSE", "DECISION_INTRO", "DETECTORS", "RED", "Clause", "Detector", "Hit", "HitKind", "Mode", "Owner",
    "OwnerKind", "_is_question", "_strip_article", "abbreviations", "analyse", "classify_np", "clause_subject",
    "co_owner", "cue", "function_words", "detector_for", "done_report", "is_question", "is_question_like", "is_role",
    "is_status_report", "lines_start", "owner_after", "owner_before", "prepare", "reads_postponed", "reports_done",
    "says_not_done", "split_clauses",
]
