"""notulist.text: the shared sentence, clause and table-cell spans are exact spans of the source."""

from notulist import text


def test_clause_spans_keep_abbreviations_and_trim_markdown():
    raw = "- **Besluit:** de raad stemt o.a. in met het plan. Actie: Piet stuurt de brief.\n"
    spans = text.clause_spans(raw, 0, len(raw))
    assert [raw[s:e] for s, e in spans] == ["Besluit:** de raad stemt o.a. in met het plan.",
                                            "Actie: Piet stuurt de brief."]


def test_clause_spans_glue_a_wrapped_line():
    raw = "De werkgroep stelt voor om de\nnotitie aan te passen. Akkoord.\n"
    assert [raw[s:e] for s, e in text.clause_spans(raw, 0, len(raw))] == [
        "De werkgroep stelt voor om de\nnotitie aan te passen.", "Akkoord."]


def test_sentence_spans_use_the_lexicon_abbreviations():
    raw = "Zie bijv. Artikel 3. Die volgt."
    assert [raw[s:e] for s, e in text.sentence_spans(raw, 0, len(raw))] == ["Zie bijv. Artikel 3.", "Die volgt."]
    assert len(text.sentence_spans(raw, 0, len(raw), abbreviations=set())) == 3


def test_a_list_closer_ends_the_sentence_before_a_capital():
    raw = "We regelen stoelen, tafels etc. Eric neemt dit mee. Koffie, thee enz. worden geregeld door o.a. Jan."
    got = [raw[a:b].strip() for a, b in text.sentence_spans(raw, 0, len(raw))]
    assert got == ["We regelen stoelen, tafels etc.", "Eric neemt dit mee.",
                   "Koffie, thee enz. worden geregeld door o.a. Jan."]
    clauses = [raw[a:b] for a, b in text.clause_spans(raw, 0, len(raw))]
    assert clauses[1] == "Eric neemt dit mee."


def test_cell_spans_pipe_and_plain_columns():
    raw = "| 1 | Piet  | brief |"
    assert [raw[s:e] for s, e in text.cell_spans(raw, 0, len(raw))] == ["1", "Piet", "brief"]
    plain = "Piet    brief sturen    1 maart"
    assert text.cell_spans(plain, 0, len(plain)) == []
    assert [plain[s:e] for s, e in text.cell_spans(plain, 0, len(plain), plain_columns=True)] == [
        "Piet", "brief sturen", "1 maart"]
    assert text.split_row(r"| a \| b | c |") == ["a | b", "c"]


def test_day_month_words():
    m = text.DAY_MONTH.search("vergadering van di 5 mrt. 2024 om 10.00")
    assert (m["d"], text.month_number(m["m"]), m["y"]) == ("5", 3, "2024")
