"""Finnish name forms for synthetic data: the genitive of a place name ("Kuopion").

Voikko cannot inflect, but it can tell whether a form is the genitive of a given word; we try
the usual stem changes and keep the first form Voikko accepts.
"""

from functools import lru_cache

from jarjestokartta.search import analysis

# Endings that replace the last 0-4 letters of a word in its genitive, commonest first.
ENDINGS = (
    "n",
    "en",
    "in",
    "an",
    "än",
    "on",
    "ön",
    "un",
    "yn",
    "een",
    "sen",
    "ksen",
    "den",
    "ten",
    "jen",
    "ien",
    "ngin",
    "ngen",
    "mmen",
    "mmun",
    "nnen",
    "llen",
    "rren",
    "vien",
    "ven",
    "kon",
    "kön",
    "pin",
    "ssen",
    "sten",
    "isten",
    "din",
    "gon",
    "gan",
    "gän",
    "nnan",
    "nnän",
    "ngan",
    "ngän",
    "llan",
    "llän",
    "rran",
    "maan",
    "taan",
    "tään",
    "tumen",
    "nnin",
    "dun",
    "tain",
    "nnon",
)


@lru_cache(maxsize=5000)
def genitive(name: str) -> str:
    """The singular genitive of a place or common noun, or the name + "n" if none is found."""
    voikko = analysis._voikko
    if voikko is None:
        return name + "n"
    for cut in range(0, 5):
        stem = name[: len(name) - cut] if cut else name
        for ending in ENDINGS:
            candidate = stem + ending
            for reading in voikko.analyze(candidate):
                if (
                    reading.get("SIJAMUOTO") == "omanto"
                    and reading.get("NUMBER") == "singular"
                    and (reading.get("BASEFORM") or "").lower() == name.lower()
                ):
                    return candidate
    return name + "n"
