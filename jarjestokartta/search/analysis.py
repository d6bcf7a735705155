"""Finnish-aware text analysis: words to the terms that search indexes and looks up.

Pure Python, no Django. Voikko gives the lemmas of every reading of a word and its compound parts;
where Voikko is missing or does not know a word, the Snowball stemmer stands in. Swedish and
English text goes through their Snowball stemmers. Index and query use the same pipeline, so
"lapsiasiaverkostoon" meets "Pohjois-Savon lapsiasiaverkosto".
"""

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

log = logging.getLogger(__name__)

# Letters (å, ä, ö included) and digits, with inner hyphens: "POSOTE20-hanke", "Pohjois-Savon";
# a case ending after a colon belongs to the word before it: "MLL:n", "KYT:n".
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*(?::[^\W\d_]{1,4}(?![^\W_]))?")
CASE_ENDING = re.compile(r":[^\W\d_]+$")
# A compound part shorter than this without a base form of its own is a derivational piece
# ("yhteisö+lli+nen"), not a word worth indexing.
MIN_BARE_PART = 4
SEGMENT = re.compile(r"\+([^+(]*)(\([^)]*\))?")

try:  # pragma: no cover - which branch runs depends on the machine
    import libvoikko

    _voikko: "libvoikko.Voikko | None" = libvoikko.Voikko("fi")
except (ImportError, OSError) as error:  # the library or the Finnish dictionary is missing
    log.warning("Voikko is not available (%s); Finnish search falls back to stemming.", error)
    _voikko = None

_stemmers = {
    lang: Stemmer.Stemmer(name)
    for lang, name in {"fi": "finnish", "sv": "swedish", "en": "english"}.items()
}


def tokenize(text: str) -> list[str]:
    """The words of a text, as written (case kept, å/ä/ö kept, inner hyphens kept)."""
    return [CASE_ENDING.sub("", word) for word in WORD.findall(text or "")]


def normalize(term: str) -> str:
    """The form a term is stored in: lower case, no hyphens."""
    return term.lower().replace("-", "")


def voikko_available() -> bool:
    return _voikko is not None


@dataclass(frozen=True)
class WordAnalysis:
    """What one written word stands for."""

    surface: str
    lemmas: frozenset[str] = field(default_factory=frozenset)
    parts: frozenset[str] = field(default_factory=frozenset)
    stem: str = ""
    places: frozenset[str] = field(default_factory=frozenset)

    @property
    def main_terms(self) -> frozenset[str]:
        """The word as a whole (not its compound parts): what a query looks for first.

        A word Voikko knows stands for its lemmas only: indexing "siilinjärvellä" beside
        "siilinjärvi" would favour texts that happen to use the same inflected form.
        """
        found = set(self.lemmas) if self.lemmas else {self.surface, self.stem}
        return frozenset(term for term in found if term)

    @property
    def terms(self) -> frozenset[str]:
        """Everything the word is indexed under: its main terms and its compound parts."""
        return self.main_terms | self.parts


def compound_parts(baseform: str, wordbases: str) -> list[str]:
    """The base forms of a compound's parts, from Voikko's WORDBASES.

    "+omais(omainen)+hoita(hoitaa)+ja(+ja)" with base form "omaishoitaja" gives
    ["omainen", "hoitaja"]: a part followed by a derivational suffix ("(+ja)") is the derived
    word, and the last part takes its form from the base form of the whole word.
    """
    components: list[list[tuple[str, str | None]]] = []
    # "+neuvottel(neuvotella)+u(+u)+kunta(kunta)": a "+" also starts a suffix's base "(+u)".
    for surface, base in SEGMENT.findall(wordbases):
        base = base[1:-1] if base else None
        if surface == "-" or surface == "":
            components.append([])  # a hyphen ends the previous component
            continue
        derivational = base is not None and base.startswith("+")
        bare_piece = base is None and len(surface) < MIN_BARE_PART
        if (derivational or bare_piece) and components and components[-1]:
            components[-1].append((surface, base))
        else:
            components.append([(surface, base)])
    components = [c for c in components if c]
    if len(components) < 2:
        return []

    parts = []
    prefix = ""
    for index, component in enumerate(components):
        surface = "".join(piece for piece, _ in component)
        first_base = component[0][1]
        last = index == len(components) - 1
        if last and normalize(baseform).startswith(normalize(prefix)):
            parts.append(normalize(baseform)[len(normalize(prefix)) :])
        elif len(component) == 1 and first_base:
            parts.append(first_base.replace("=", ""))
        else:
            parts.append(surface)
        prefix += surface
    return [normalize(part) for part in parts if len(part) > 1]


@lru_cache(maxsize=200_000)
def analyze_word(word: str, lang: str = "fi") -> WordAnalysis:
    """One word's analysis (cached: the same words recur across a national dataset)."""
    surface = normalize(word)
    stemmer = _stemmers[lang]
    if lang != "fi":
        return WordAnalysis(surface=surface, stem=stemmer.stemWord(surface))

    readings = _voikko.analyze(word) if _voikko is not None else []
    if not readings and "-" in word and _voikko is not None:
        # "POSOTE20-hanke": read the parts one by one.
        pieces = [analyze_word(piece) for piece in word.split("-") if piece]
        return WordAnalysis(
            surface=surface,
            parts=frozenset().union(*(piece.terms for piece in pieces)),
        )
    if not readings:
        return WordAnalysis(surface=surface, stem=stemmer.stemWord(surface))

    lemmas, parts, places = set(), set(), set()
    for reading in readings:
        baseform = reading.get("BASEFORM") or word
        lemmas.add(normalize(baseform))
        parts.update(compound_parts(baseform, reading.get("WORDBASES", "")))
        if reading.get("CLASS") == "paikannimi":
            places.add(normalize(baseform))
    if "-" in word:
        for piece in word.split("-"):
            parts |= analyze_word(piece).main_terms if piece else set()
    return WordAnalysis(
        surface=surface,
        lemmas=frozenset(lemmas),
        parts=frozenset(parts - lemmas),
        places=frozenset(places),
    )


@lru_cache(maxsize=20_000)
def spelling_suggestions(word: str) -> tuple[str, ...]:
    """Voikko's corrections of a misspelt Finnish word, best first (none without Voikko)."""
    return tuple(_voikko.suggest(word)) if _voikko is not None else ()


def analyze(text: str, lang: str = "fi") -> list[WordAnalysis]:
    return [analyze_word(word, lang) for word in tokenize(text)]


@lru_cache(maxsize=50_000)
def terms(text: str, lang: str = "fi") -> tuple[str, ...]:
    """The index terms of a text, each once, in the order first met.

    Cached: names of themes, kinds and places, and many short texts, recur across thousands
    of organisations (a fifth of the time of indexing a national import went here).
    """
    seen: dict[str, None] = {}
    for word in analyze(text, lang):
        for term in sorted(word.terms):
            seen.setdefault(term, None)
    return tuple(seen)


def terms_of(texts: Iterable[tuple[str, str]]) -> list[str]:
    """Terms of several (text, language) pairs together."""
    seen: dict[str, None] = {}
    for text, lang in texts:
        for term in terms(text, lang):
            seen.setdefault(term, None)
    return list(seen)
