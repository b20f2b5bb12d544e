"""Woo/Wob redaction marks: every variant found with its exact span, ordinary Dutch numbers left alone."""

from __future__ import annotations

import pytest

from ingest.redactions import display_text, find_redactions
from tests.conftest import SEED_0306, SEED_0311


def _read(path) -> str:
    return path.read_bytes().decode("utf-8")


def _marks(text: str) -> list[tuple[str, str]]:
    found = find_redactions(text)
    for r in found:
        assert text[r.start:r.end] == r.original
        assert r.token == f"[gelakt {r.ground}]"
    return [(r.original, r.ground) for r in found]


@pytest.mark.parametrize(
    ("written", "ground"),
    [
        ("5.1, 2, e", "5.1.2e"),
        ("5.1,2,e", "5.1.2e"),
        ("5.1, 2, i", "5.1.2i"),
        ("5.1, 1, c", "5.1.1c"),
        ("5.1.2e", "5.1.2e"),
        ("5.1.2.e", "5.1.2e"),
        ("5.1.2 e", "5.1.2e"),
        ("5.1.2.i", "5.1.2i"),
        ("5.1.1a", "5.1.1a"),
        ("5.1 lid 2 sub e", "5.1.2e"),
        ("5.1 lid 2 onder e", "5.1.2e"),
        ("art. 5.1 lid 2 onder e Woo", "5.1.2e"),
        ("artikel 5.1, tweede lid, onder e, van de Woo", "5.1.2e"),
        ("5.1.5 Woo", "5.1.5"),
        ("art. 5.1 lid 5 Woo", "5.1.5"),
        ("5.2 Woo", "5.2"),
        ("5.2.1 Woo", "5.2"),
        ("10.2.e", "10.2e"),
        ("10.2e", "10.2e"),
        ("10.1.c", "10.1c"),
        ("10 lid 2 sub e", "10.2e"),
        ("10, 2, g", "10.2g"),
        ("art. 11.1 Wob", "11.1"),
        ("<sup>5.1, 2, e</sup>", "5.1.2e"),
        ("<sup>5.1.2e</sup>", "5.1.2e"),
    ],
)
def test_each_written_form_is_one_mark_with_its_ground(written, ground):
    text = f"Het gesprek met {written} vond plaats op 4 maart."
    assert _marks(text) == [(written, ground)]
    assert display_text(text, find_redactions(text)) == f"Het gesprek met [gelakt {ground}] vond plaats op 4 maart."


@pytest.mark.parametrize(
    "text",
    [
        "Het budget stijgt met 5.1 miljoen euro.",
        "Zie artikel 5.2 van de begroting.",
        "Punt 5.1 wordt doorgeschoven.",
        "Aanvang 10.30 - 11.45 uur, pauze om 11.15.",
        "Datum: 5.1.2024, daarna 10.2.2024.",
        "2.1 Voortgang\n5.2 Financiën\n10.1 Rondvraag",
        "Hoofdstukken 5.1, 2 en 3 zijn herschreven.",
        "Paragraaf 5.1.2 en verder; zie 5.1.2 e-mail van gisteren.",
        "In het 2e kwartaal van 2024 (versie 5.1.2).",
        "Bijlage 15.1.2e en tabel 2.5.1.2e.",
        "Ground letters out of range: 5.1.1f, 5.1.2j, 10.1.e, 10.2h.",
        "Alleen nummers: 5.2 en 11.1 zonder wet.",
        "Sectie 10.2 e-learning en 10.2 a) planning.",
    ],
)
def test_ordinary_numbers_are_not_marks(text):
    assert find_redactions(text) == []
    assert display_text(text, []) == text


def test_glued_to_a_word_keeps_the_rest_of_the_word():
    text = "bespreken met jou en evt. 5.1, 2, e irecteur Bedrijfsvoering en met 5.1, 2, e n 5.1, 2, e?"
    found = find_redactions(text)
    assert [r.original for r in found] == ["5.1, 2, e"] * 3
    assert display_text(text, found) == (
        "bespreken met jou en evt. [gelakt 5.1.2e] irecteur Bedrijfsvoering en met [gelakt 5.1.2e] n [gelakt 5.1.2e]?"
    )


def test_mangled_euro_sign_is_a_separate_mark():
    text = "Amsterdam BM def 5.1, 2, €5.1, 2, e is geselecteerd"
    found = find_redactions(text)
    assert [(r.original, r.ground) for r in found] == [("5.1, 2, €", "5.1.2e"), ("5.1, 2, e", "5.1.2e")]
    assert display_text(text, found) == "Amsterdam BM def [gelakt 5.1.2e][gelakt 5.1.2e] is geselecteerd"


def test_sup_after_a_mark_is_its_own_mark_with_tags():
    text = "Aanwezig: Peter, 5.1, 2, e<sup>5.1, 2, e</sup> verslag)"
    found = find_redactions(text)
    assert [r.original for r in found] == ["5.1, 2, e", "<sup>5.1, 2, e</sup>"]
    assert display_text(text, found) == "Aanwezig: Peter, [gelakt 5.1.2e][gelakt 5.1.2e] verslag)"


def test_uppercase_word_glued_after_mark_still_found():
    assert _marks("contact met 5.1.2eDirecteur") == [("5.1.2e", "5.1.2e")]


@pytest.mark.parametrize("seed", [SEED_0306, SEED_0311])
def test_seeds_every_mark_found_and_none_left_in_display(seed):
    text = _read(seed)
    found = find_redactions(text)
    # every "5.1, 2," written in the seed is one mark (the mangled "€" one included)
    assert len(found) == text.count("5.1, 2,")
    assert all(text[r.start:r.end] == r.original for r in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    shown = display_text(text, found)
    assert "5.1, 2," not in shown
    assert "<sup>" not in shown  # the <sup>-wrapped mark is replaced tags and all
    assert shown.count("[gelakt 5.1.2e]") == len(found)


def test_display_text_on_a_slice_uses_offset_and_skips_cut_marks():
    text = "Aanwezig: 5.1, 2, e en Peter; actie 5.1.2.i pakt op."
    found = find_redactions(text)
    start = text.index("en Peter")
    piece = text[start:]
    assert display_text(piece, found, offset=start) == "en Peter; actie [gelakt 5.1.2i] pakt op."
    cut = text[text.index("2, e"):]  # the first mark is cut by the slice: left as written
    assert display_text(cut, found, offset=text.index("2, e")).startswith("2, e en Peter")


def test_large_text_finds_every_mark_and_no_number_that_only_looks_like_one():
    # a megabyte of marks between look-alike numbers (the speed of this is measured in benchmarks, not here)
    text = ("Overleg met 5.1, 2, e over 5.1 miljoen om 10.30 uur. " * 20000)
    found = find_redactions(text)
    assert len(found) == 20000


def test_two_marks_run_together_in_extracted_text_are_two_marks():
    text = "Aanwezig: Peter, 5.1, 2, e5.1, 2, e verslag"
    assert _marks(text) == [("5.1, 2, e", "5.1.2e"), ("5.1, 2, e", "5.1.2e")]
