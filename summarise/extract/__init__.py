"""Extraction of decisions, actions and postponed items from a parsed meeting.

Modules by role: document (context, spans, citations, owners), regions (an item's text read clause by
clause through the rule engine), records (a clause's hits added as cited decisions, actions, postponed
items), tables (action/decision tables), lists (closing action lists, status
lines), dues (due dates), meeting (`rule_extract`, `extract_meeting`: one meeting, with the optional LLM
pass), linking (an action marked done by a later meeting's report).
"""

from summarise.extract.document import Ctx, initials_map, is_record_document, own_region, team_name
from summarise.extract.linking import link_across_meetings
from summarise.extract.meeting import extract_meeting, is_procedural, rule_extract
from summarise.extract.regions import process_region

_own_region = own_region  # the old private name (summarise.verslag)

__all__ = ["Ctx", "_own_region", "extract_meeting", "initials_map", "is_procedural", "is_record_document",
           "link_across_meetings", "own_region", "process_region", "rule_extract", "team_name"]
