"""Decision detectors: a labelled decision ("Besluit: ..."), an agreement ("Afspraak: ...", "Afgesproken
wordt dat ..."), a decision cue ("stemt in", "akkoord", "vastgesteld") that is not negated, conditional or a
proposal, and the proposal gate. Cue families: decision, negation, proposal, proposal_outcome, advice,
deferred_decision, agreed (notulist/nl/data/)."""

from __future__ import annotations

import re

from summarise.rules.cues import AGREED_TO, cue
from summarise.rules.hits import Clause, Hit, Owner
from summarise.rules.owners import owner_after
from summarise.rules.verbs import action_by_verb

# "Richting: ...", "Oplossing: ...": how working groups write the direction or solution the meeting settled on
_DECISION_LABELS = ("besl", "concl", "uitkomst", "advies", "richting", "oplossing")


# the text after a decision label that says nothing is settled yet ("nog niet gevonden", "onduidelijk", "n.v.t.",
# "geen besluit", a hedge)
_OPEN_OUTCOME = re.compile(r"^\W*(?:nog\s+(?:niet|geen|onduidelijk|open)\b|onduidelijk|open\b|n\.?v\.?t\b|nvt\b|"
                           r"geen\s+(?:besluit|beslissing|keuze|oplossing|richting|conclusie)\b|misschien|wellicht|"
                           r"mogelijk\b|eventueel)", re.I)


def labelled_decision(c: Clause) -> list[Hit] | None:
    """"Besluit: ...", "Conclusie: ...", "Richting: ...": a decision (or, "Besluit volgende vergadering.", a postponement)."""
    if not c.label or not c.label_name.startswith(_DECISION_LABELS):
        return None
    if not c.text[c.label.end():].strip(" \t:*_-–|") or re.fullmatch(r"\W*\d{1,3}[a-z]?\W*", c.text[c.label.end():]):
        return []  # "Besluit" alone, "Besluit 1.": the heading of a column or a list, nothing decided yet
    if _OPEN_OUTCOME.match(c.text[c.label.end():]):
        return []  # "Richting: nog onduidelijk.", "Oplossing: misschien een extra attribuut": nothing settled
    if cue("deferred_decision").search(c.text):  # "Besluit volgende vergadering.": no decision yet
        return [Hit("postponed", cue=c.label_name)]
    held = cue("held_outcome").match(re.sub(r"^\W*(?:(?:wordt|is|werd)\s+)?", "", c.text[c.label.end():]))
    if held:  # "Besluit: aangehouden tot de volgende vergadering.": held over, nothing decided yet
        return [Hit("postponed", cue=c.label_name)]
    hits = [*c.tag_hits, Hit("decision", cue=c.label_name, strong=True, label_end=c.label.end())]
    if c.postponed:
        hits.append(Hit("postponed", cue=c.label_name))
    return hits


def labelled_agreement(c: Clause) -> list[Hit] | None:
    """"Afspraak: Peter belt de gemeente" is an action of Peter; "Afspraak: we starten in mei" a decision."""
    name = c.label_name
    if not c.label or not (name.startswith("afsp") or name == "afgesproken"):
        return None
    after = c.text[c.label.end():]
    by_verb = action_by_verb(after, c.mode)
    first = owner_after(after)
    agreed = cue("agreed").search(c.text)
    if agreed:  # "Afgesproken wordt dat de teamleiders ... bespreken": they do it
        first = owner_after(c.text[agreed.end():])
    hits = list(c.tag_hits)
    if by_verb and by_verb[0].kind != "none":
        hits.append(Hit("action", by_verb[0], name, strong=True, label_end=c.label.end()))
    elif first.kind in ("name", "redacted"):
        hits.append(Hit("action", first, name, strong=True, label_end=c.label.end()))
    elif not c.tag:
        hits.append(Hit("decision", cue=name, strong=True, label_end=c.label.end()))
    return hits


def agreed_that(c: Clause) -> list[Hit] | None:
    """"Er wordt afgesproken dat Ahmed de zaal regelt": an action of whoever follows."""
    agreed = cue("agreed").search(c.text)
    if not agreed or c.tag:
        return None
    np = owner_after(c.text[agreed.end():])
    return [Hit("action", np, "afgesproken dat", strong=True)] if np.kind in ("name", "redacted") else None


def agreed_to(c: Clause) -> list[Hit] | None:
    """"Er wordt afgesproken om aan het eind van de volgende vergadering ruimte te maken voor een uitleg": an
    agreement that gives nobody a task is the meeting's decision (an "Afspraak: X doet Y" with a doer is X's action,
    detector "afgesproken dat" / "label afspraak")."""
    if not AGREED_TO.search(c.text) or c.tag:
        return None
    if cue("not_done").search(c.text) or re.search(r"\bafgesproken\s+met\b", c.text, re.I):
        # reported still open ("... maar nog niet gebeurd"), or arranged with somebody ("afgesproken met de leverancier
        # om volgende week te bellen"): a step to take, owner unknown
        return [Hit("action", Owner("none"), "afgesproken om", strong=True)]
    return [Hit("decision", cue="afgesproken om", strong=True)]


# the minutes of the meeting before, the object of this meeting's adoption ("De notulen van de vorige vergadering zijn
# goedgekeurd", "Het verslag van vorige keer wordt vastgesteld"), not the time of an earlier decision
_PREVIOUS_MINUTES = re.compile(r"\b(?:(?:notulen|verslag|besluitenlijst|actielijst)\s+(?:van\s+)?(?:de\s+|het\s+)?vorige?\s+"
                               r"(?:vergadering|bijeenkomst|overleg|keer|ledenvergadering|jaarvergadering)"
                               r"|vorige?\s+(?:notulen|verslag|besluitenlijst|actielijst))\b", re.I)


def reported_decision(c: Clause) -> list[Hit] | None:
    """"Het college heeft vorige week besloten ...", "Op 10 juli hebben Provinciale Staten ingestemd ...": a decision
    of an earlier meeting or another body, reported (cue family reported_decision); a label still decides. The
    minutes of the meeting before, adopted now, are no earlier decision ("De notulen van de vorige vergadering zijn
    goedgekeurd")."""
    if c.label or not cue("decision").search(c.text):
        return None
    if not cue("reported_decision").search(_PREVIOUS_MINUTES.sub("notulen", c.text)):
        return None
    return []


def decision_cue(c: Clause) -> list[Hit] | None:
    """A decision cue not negated or conditional, or the outcome of a proposal, or a committee's advice."""
    text = c.text
    found = cue("decision").search(text)
    if not found:
        return None
    if re.fullmatch(r"\W*[A-ZÀ-Ý]{4,}\W*", text) or re.fullmatch(r"\W*(?:(?:overige|genomen|aanvullende|andere|openbare|overzicht(?:\s+van)?|lijst\s+van)\s+)?"
                                                                   r"besluit(?:en|enlijst)?(?:\s+\d{1,3}[a-z]?)?\W*", text, re.I):
        return []  # "BESLOTEN", "Besluit" alone, "Besluit 1.", "Overige besluiten": a heading, not a sentence
    if cue("column_header").search(text) and not cue("decision").search(cue("column_header").sub(" ", text)):
        return []  # "Onderwerp Besluit", "Punt Omschrijving Voorstel/Advies Besluit": a table's header row
    if _LIST_INTRO.search(text):
        return []  # "Zij nam de volgende besluiten.": the list of decisions follows, this line decides nothing
    if cue("negation").search(text) and not cue("proposal_outcome").match(text) and not cue("advice").search(text):
        return None
    hits = [*c.tag_hits, Hit("decision", cue=found.group(0))]
    if c.postponed:
        hits.append(Hit("postponed", cue="postponed"))
    return hits


def proposal(c: Clause) -> list[Hit] | None:
    """A proposal records nothing yet ("De voorzitter stelt voor ..."), unless it announces "zal/gaat"."""
    if not cue("proposal").search(c.text):
        return None
    if c.mode != "record" or not re.search(r"(?<!\bte\s)\b(?:zal|zullen|gaat|gaan)\b", c.text, re.IGNORECASE):
        return []
    return None


# the line that announces the decisions listed below it ("GS namen de volgende besluiten.", "Onderstaande besluiten
# zijn genomen:")
_LIST_INTRO = re.compile(r"\b(?:de\s+)?(?:volgende|navolgende|onderstaande|hierna\s+volgende)\s+besluit(?:en)?\b(?:\s+(?:genomen|gevallen))?\W*$"
                         r"|^\W*onderstaande\s+besluiten\b", re.I)
_URL_LINE = re.compile(r"^\W*(?:https?://|www\.)\S+(?:\s+\S+){0,8}\s*$", re.I)


def decision_list_line(hits: list[Hit], norm: str, who: Owner) -> list[Hit]:
    """A line of a list under "Besluiten:" / "Een aantal besluiten:": a decision, except a lead-in to the lines
    below it ("Daarvoor kijken we met name naar:"), a bare link (a source the decision points at), and a named
    person doing something without a decision cue ("Arjen werkt een document uit ..."): that is an action."""
    if _URL_LINE.match(norm) or norm.rstrip(" *_").endswith(":"):
        return []
    if who.kind in ("name", "redacted") and not any(h.kind == "decision" for h in hits) \
            and not re.search(r"\bte\s+[a-zà-ÿ]+en\b", norm):  # "Mevrouw Jansen te benoemen tot lid": a besluit clause
        return [Hit("action", who, "actie-lijst", strong=True)]
    return [h for h in hits if h.kind == "postponed"] or [Hit("decision", cue="besluit-lijst")]
