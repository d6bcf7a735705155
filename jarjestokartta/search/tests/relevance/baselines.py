"""The two baselines our search must beat, computed over the same organisations.

- naive substring matching: a document scores the number of query words found in its text as
  substrings (case folded), as an `icontains` search would;
- plain Snowball stemming with OR, what PostgreSQL's stock 'finnish' configuration gives: a
  document scores the number of query stems among its stems.
Both rank by score, then by name; documents scoring 0 are not results.
"""

import Stemmer

from jarjestokartta.search import analysis

_finnish = Stemmer.Stemmer("finnish")


def _stems(text: str) -> set[str]:
    return {_finnish.stemWord(word.lower()) for word in analysis.tokenize(text)}


def substring_ranking(query: str, documents: dict[str, tuple[str, str]]) -> list[str]:
    """documents: id -> (name, searchable text)."""
    words = [word.lower() for word in analysis.tokenize(query)]
    scored = []
    for doc_id, (name, text) in documents.items():
        lowered = text.lower()
        score = sum(1 for word in words if word in lowered)
        if score:
            scored.append((-score, name, doc_id))
    return [doc_id for _, _, doc_id in sorted(scored)]


def snowball_ranking(query: str, documents: dict[str, tuple[str, str]]) -> list[str]:
    wanted = _stems(query)
    scored = []
    for doc_id, (name, text) in documents.items():
        score = len(wanted & _stems(text))
        if score:
            scored.append((-score, name, doc_id))
    return [doc_id for _, _, doc_id in sorted(scored)]
