"""Old import path, kept for callers outside ingest/: the parser now lives in `ingest.parse` (one module
per job) and `ingest.meeting` (the whole meeting). New code imports from there."""

from ingest.meeting import parse_meeting
from ingest.parse import (Line, filename_date, find_dates, find_items, infer_year, item_body, normalise_series,
                          own_ends, parse_header, plain, prepared_segments, split_lines)

__all__ = ["Line", "filename_date", "find_dates", "find_items", "infer_year", "item_body", "normalise_series",
           "own_ends", "parse_header", "parse_meeting", "plain", "prepared_segments", "split_lines"]
