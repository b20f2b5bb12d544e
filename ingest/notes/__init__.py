"""Find the notes written during a meeting and attach them to agenda items.

Four routes, each recorded on the Note (`method`):
- `clean_diff`: the annotated agenda diffed against the clean agenda, per matched item; what was
  inserted (beyond small editorial edits) is the notes, exactly;
- `notes_file`: a separate notes file; lines naming an item ("2:", "punt 2", "## 2", the title) start that
  item's notes, free text goes to the best-matching item;
- `word_comment` / `pdf_annotation`: comments in the file, on the item whose span holds the anchor;
- `heuristic`: an annotated agenda alone. Prepared agenda text is complete prose addressed to the reader
  ("We bespreken graag met je ...", ending in a question to the chair); notes are telegraphic: cue words
  ("Besluit:", "Afspraak:", "Volgende keer"), a decision participle without its auxiliary ("Agenda
  vastgesteld", "Toegevoegd aan agenda: ..."), colon constructions ("Raadsbrief: stuk gaat niet mee"),
  an attendee's name (or a redacted person) with a present-tense verb ("Peter is akkoord", "Dhr. Verhoef
  en mevr. Arends gaan"), subject-less sentences ("Is politiek."), shouted function words ("ALS je het
  doet"), a lower-case start, no closing punctuation, arrows ("→ Ruud vraagt ..."), link-like spans
  ("[tekst](#)"), an answer after the question to the chair or after "Gevraagd besluit:", and anything
  under the Rondvraag. Once a note follows the question, the rest of the item is notes ("continuation").
  Prepared lists ("Openstaande acties:" - ...) and prose that merely lists questions are not answered.
  `cue` says which signal decided. Verslagen, besluitenlijsten and notes documents are the record of the
  meeting as a whole: `parse_meeting` runs no heuristics on them (their text stays in the item bodies).

One module per route (`clean_diff`, `notes_file`, `annotations`, `heuristic`), with the pieces they
share below them (`base`, `blocks`, `sentences`, `scoring`, `titles`); `find` runs every route.
"""

from ingest.notes.find import find_notes
from ingest.notes.scoring import note_score
from ingest.notes.sentences import Sentence, sentences
from ingest.notes.titles import match_items, title_similarity

__all__ = ["Sentence", "find_notes", "match_items", "note_score", "sentences", "title_similarity"]
