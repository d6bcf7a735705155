"""The indexed vocabulary in memory, for typo correction and for telling common words."""

import time

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from jarjestokartta.search import index
from jarjestokartta.search.models import SearchDocument, SearchTerm

# Each process keeps its copy this long at most; writes in the same process refresh it at once.
MAX_AGE_SECONDS = 60.0


class Vocabulary:
    def __init__(self) -> None:
        self.frequencies: dict[str, int] = dict(SearchTerm.objects.values_list("term", "documents"))
        self.documents = SearchDocument.objects.count()
        self.terms = list(self.frequencies)
        self.loaded = time.monotonic()
        self.generation = index.generation[0]

    def frequency(self, term: str) -> int:
        return self.frequencies.get(term, 0)

    def correct(self, word: str) -> str | None:
        """The indexed term nearest to an unknown word: fewest edits, then most documents.

        One edit is allowed in words of up to 7 letters, two in longer ones, and the first letter
        must match (people rarely mistype it, and it keeps suggestions sensible).
        """
        if len(word) < 4:
            return None
        limit = 1 if len(word) <= 7 else 2
        candidates = process.extract(
            word,
            self.terms,
            scorer=Levenshtein.distance,
            score_cutoff=limit,
            limit=50,
        )
        best = [
            (distance, -self.frequencies[term], term)
            for term, distance, _ in candidates
            if term[0] == word[0] and term != word
        ]
        return min(best)[2] if best else None


_cached: list[Vocabulary] = []


def vocabulary() -> Vocabulary:
    current = _cached[0] if _cached else None
    stale = (
        current is None
        or current.generation != index.generation[0]
        or time.monotonic() - current.loaded > MAX_AGE_SECONDS
    )
    if stale:
        _cached[:] = [Vocabulary()]
    return _cached[0]
