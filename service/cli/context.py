"""What every command gets as `ctx.obj`: the settings and the store at once, the whole pipeline on first use.

`meetings`, `show` and `actions` only read the store, so they never load the stages (ingest, retrieval,
summarise) nor numpy, Chroma or the embedder. A command that needs more uses `app.pipeline`, or any
attribute of it, which passes through (`app.refresh_extraction(...)` builds the pipeline then).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from notulist.settings import Settings
from notulist.store import MeetingStore

if TYPE_CHECKING:
    from service.pipeline import Notulist


class CliApp:
    def __init__(self, settings: Settings):
        self.settings = settings

    @cached_property
    def store(self) -> MeetingStore:
        return MeetingStore.from_settings(self.settings)

    @cached_property
    def pipeline(self) -> Notulist:
        from service.pipeline import Notulist  # late: a service/cli command loads the stages it needs

        pipeline = Notulist(self.settings)
        pipeline.store = self.store  # one store for the command, whichever asked first
        return pipeline

    def __getattr__(self, name: str) -> Any:  # called only for what CliApp itself does not have
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.pipeline, name)
