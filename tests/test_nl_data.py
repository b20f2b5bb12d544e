"""notulist.nl: the Dutch language data files load, compile and version; a modified copy can be installed."""

import pytest

from notulist.nl import FAMILIES, copy_data, lexicon, load_lexicon, use_lexicon


def test_every_family_compiles_and_has_a_comment():
    lex = lexicon()
    for name in FAMILIES:
        assert lex.pattern(name).pattern  # compiles
        source = (lex.root / f"{name}.toml").read_text(encoding="utf-8")
        assert source.startswith("#"), f"{name}.toml says what the family is for"


def test_families_match_what_they_say():
    lex = lexicon()
    assert lex.pattern("postponed").search("Het punt wordt aangehouden tot de volgende vergadering.")
    assert lex.pattern("decision").search("De raad stemt in met het voorstel.")
    assert not lex.pattern("decision").search("De raad bespreekt het voorstel.")
    assert lex.pattern("procedural").search("De agenda wordt ongewijzigd vastgesteld.")
    assert not lex.pattern("procedural").search("Verslag vorige vergadering ongewijzigd vastgesteld.")  # a decision
    assert lex.pattern("reason").search("Dit schuift op omdat de offerte ontbreekt.")
    assert "o.a" in lex.abbreviations and "secretaris" in lex.roles and lex.months["mrt"] == 3
    with pytest.raises(KeyError):
        lex.pattern("onzin")  # type: ignore[arg-type]


def test_a_changed_copy_changes_version_and_patterns(tmp_path):
    data = copy_data(tmp_path / "nl")
    path = data / "postponed.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('phrases = [', 'phrases = ["geparkeerd", '),
                    encoding="utf-8")
    changed = load_lexicon(data)
    assert changed.version != lexicon().version
    assert not lexicon().pattern("postponed").search("Het punt is geparkeerd.")
    with use_lexicon(changed):
        assert lexicon() is changed
        assert lexicon().pattern("postponed").search("Het punt is geparkeerd.")
    assert lexicon() is not changed
