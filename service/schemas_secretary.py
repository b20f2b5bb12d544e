"""Request and response bodies of the secretary's routes: the verslag with its editable document, the
actielijst across meetings and the next meeting's concept agenda."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from notulist.verslag_doc import VerslagDocument
from service.schemas import Schema, VerslagPublic
from summarise.actielijst import ActielijstRow
from summarise.next_agenda import NextAgenda


class VerslagOut(VerslagPublic):
    """A verslag with its document (sections, besluiten and acties as rows), when it has one."""

    document: VerslagDocument | None = None


class VerslagSave(Schema):
    """The edited verslag: the document from the editor (the Markdown is made from it) or Markdown."""

    document: VerslagDocument | None = Field(None, description="Het verslag als secties en rijen (de editor).")
    markdown: str | None = Field(None, min_length=1, max_length=2_000_000, description="Het verslag in Markdown.")
    status: Literal["concept", "vastgesteld"] = "concept"
    base_version: int | None = Field(
        None, ge=0, description="De versie waarop de bewerking is gebaseerd; een andere laatste versie geeft 409.")

    @model_validator(mode="after")
    def _one_of(self):
        if self.document is None and not self.markdown:
            raise ValueError("Stuur het verslag mee: 'document' of 'markdown'.")
        return self


class ActielijstOut(Schema):
    rows: list[ActielijstRow]
    counts: dict[str, int] = Field(description="Aantal per status: open, verlopen, afgerond.")


class AgendaOut(Schema):
    agenda: NextAgenda
    markdown: str
