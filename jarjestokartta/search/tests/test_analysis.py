"""The text analysis, without a database."""

import pytest

from jarjestokartta.search import analysis


def terms(word: str) -> set[str]:
    return set(analysis.analyze_word(word).terms)


def test_it_keeps_scandinavian_letters_and_inner_hyphens():
    assert analysis.tokenize("Pohjois-Savon järjestöneuvosto, Åland & POSOTE20!") == [
        "Pohjois-Savon",
        "järjestöneuvosto",
        "Åland",
        "POSOTE20",
    ]


def test_a_case_ending_after_a_colon_belongs_to_the_abbreviation():
    assert analysis.tokenize("MLL:n ja KYT:n verkostot") == ["MLL", "ja", "KYT", "verkostot"]


def test_it_finds_the_lemma_of_an_inflected_word():
    assert "lapsiasiaverkosto" in terms("lapsiasiaverkostoon")
    assert "omaishoitaja" in terms("omaishoitajien")


def test_it_splits_compounds_into_their_parts():
    assert {"lapsi", "asia", "verkosto"} <= terms("lapsiasiaverkostoon")
    assert {"perhe", "talo"} <= terms("perheentalot")


def test_a_part_with_a_derivational_suffix_is_the_derived_word():
    # "+omais(omainen)+hoita(hoitaa)+ja(+ja)": the parts are omainen and hoitaja, not hoitaa.
    assert analysis.analyze_word("omaishoitajien").parts == {"omainen", "hoitaja"}
    assert analysis.analyze_word("neuvottelukunta").parts == {"neuvottelu", "kunta"}


def test_it_keeps_every_reading_of_an_ambiguous_word():
    # "Joensuun" is the town and also "joen suu", a river mouth.
    assert "joensuu" in terms("Joensuun")
    assert {"joki", "suu"} <= terms("Joensuun")


def test_it_recognises_inflected_place_names():
    assert analysis.analyze_word("Kuopiossa").places == {"kuopio"}
    assert analysis.analyze_word("Joroisissa").places == {"joroinen"}
    assert analysis.analyze_word("Pohjois-Karjalassa").places == {"pohjoiskarjala"}


def test_a_word_voikko_knows_is_not_also_indexed_as_written():
    assert "siilinjärvellä" not in terms("Siilinjärvellä")


def test_an_unknown_word_is_indexed_as_written_and_stemmed():
    analysed = analysis.analyze_word("POSOTE20")
    assert analysed.lemmas == frozenset()
    assert "posote20" in analysed.terms


def test_swedish_and_english_use_their_own_stemmers():
    assert analysis.terms("föreningarna", "sv") == ("förening", "föreningarna")
    assert analysis.terms("networks", "en") == ("network", "networks")


def test_terms_of_a_text_come_once_each():
    found = analysis.terms("Kuopion perheentalo ja Kuopion kaupunki")
    assert found.count("kuopio") == 1


@pytest.fixture
def without_voikko(monkeypatch):
    monkeypatch.setattr(analysis, "_voikko", None)
    analysis.analyze_word.cache_clear()
    analysis.terms.cache_clear()
    yield
    analysis.analyze_word.cache_clear()
    analysis.terms.cache_clear()


def test_without_voikko_it_falls_back_to_snowball_stems(without_voikko):
    assert not analysis.voikko_available()
    talot, talojen = analysis.analyze_word("perheentalot"), analysis.analyze_word("perheentalojen")
    assert talot.lemmas == frozenset()
    # Stemming alone still brings two forms of the same word together.
    assert talot.stem == talojen.stem


def test_voikko_is_used_on_this_machine():
    # make setup installs libvoikko1 and voikko-fi; without them search quality drops.
    assert analysis.voikko_available()
