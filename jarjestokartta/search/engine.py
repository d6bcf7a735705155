"""Running a search: query words to engine query, ranked hits, facet counts, a suggestion."""

from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from jarjestokartta.search import analysis
from jarjestokartta.search.backends import HIT_COLUMNS, EngineQuery, Hit, backend
from jarjestokartta.search.filters import Filters, Sql
from jarjestokartta.search.vocabulary import Vocabulary, vocabulary

MAX_WORDS = 12
# A word found in more than this share of documents does not have to match ("yhdistys", "ry").
COMMON_SHARE = 0.10
# An optional word in more than this share tells documents apart too little to be worth the
# time of scoring it (in the national data "yhdistys" is in nearly every document).
SCORING_SHARE = 0.30
FACETS = ("region", "municipality", "classification", "event_kind", "theme", "target_group")
# A search counts, and ranks, at most this many matches. Past it ("talkoot" matches 48,000
# activities and organisations nationally) counting the facets of every match took 242 ms and
# scoring them 120 ms; the answer then says the count is a lower bound (Outcome.exact) and
# which matches were counted and ranked (candidates).
MATCH_BOUND = 1000
# Every organisation has one classification and every event one kind: their counts add up to
# the matches of each type (no query of its own, and no facet row more per document).
TYPE_FACETS = {"organization": "classification", "event": "event_kind"}


@dataclass
class QueryWord:
    text: str
    terms: frozenset[str]
    correction: str | None = None
    known: bool = True
    parts: frozenset[str] = frozenset()  # compound parts: they add to the score only


@dataclass
class Outcome:
    count: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    words: list[QueryWord] = field(default_factory=list)
    suggestion: str | None = None
    partial: bool = False  # no document had every word; these have some
    # False when more than `count` documents match: count, facets and hits are then of the
    # `count` candidates (see candidates()), and more match than these.
    exact: bool = True

    @property
    def highlight_terms(self) -> frozenset[str]:
        return (
            frozenset().union(*(word.terms for word in self.words)) if self.words else frozenset()
        )


def read_query(text: str, vocab: Vocabulary) -> list[QueryWord]:
    """Each query word as the indexed terms it stands for, corrected where it is unknown."""
    words = []
    tokens = analysis.tokenize(text)[:MAX_WORDS]
    for token in tokens:
        analysed = analysis.analyze_word(token)
        known = {term for term in analysed.main_terms if vocab.frequency(term)}
        if not known and "-" in token:
            # "Sakke-hanke" is not indexed as one word: read its pieces as words of their own.
            words.extend(read_query(token.replace("-", " "), vocab))
            continue
        if known:
            parts = {term for term in analysed.parts if vocab.frequency(term)} - known
            words.append(QueryWord(token, frozenset(known), parts=frozenset(parts)))
            continue
        parts = {term for term in analysed.parts if vocab.frequency(term)}
        if parts:
            words.append(QueryWord(token, frozenset(parts)))
            continue
        corrected = correct(token, vocab)
        if corrected:
            words.append(QueryWord(token, corrected[1], correction=corrected[0]))
        else:
            words.append(QueryWord(token, analysed.main_terms, known=False))
    return words


def correct(token: str, vocab: Vocabulary) -> tuple[str, frozenset[str]] | None:
    """A correction for an unknown word and the indexed terms it stands for.

    Voikko's speller first, as it knows inflected forms ("eläkeläset" → "eläkeläiset");
    then the nearest word of the index itself, which holds names Voikko does not know.
    """
    for suggestion in analysis.spelling_suggestions(token):
        known = {t for t in analysis.analyze_word(suggestion).main_terms if vocab.frequency(t)}
        if known:
            return suggestion, frozenset(known)
    term = vocab.correct(analysis.normalize(token))
    return (term, frozenset({term})) if term else None


def suggestion_for(text: str, words: list[QueryWord]) -> str | None:
    corrected = {word.text: word.correction for word in words if word.correction}
    if not corrected:
        return None
    return " ".join(corrected.get(token, token) for token in analysis.tokenize(text))


def engine_query(words: list[QueryWord], vocab: Vocabulary) -> EngineQuery:
    threshold = max(COMMON_SHARE * vocab.documents, 3)

    def common(word: QueryWord) -> bool:
        return min(vocab.frequency(term) for term in word.terms) > threshold

    required = [w.terms for w in words if w.known and not common(w)]
    optional = [w.terms for w in words if w.known and common(w)]
    if not required:
        required, optional = optional, []
    optional += [w.parts for w in words if w.known and w.parts]
    ceiling = SCORING_SHARE * vocab.documents
    optional = [frozenset(t for t in group if vocab.frequency(t) <= ceiling) for group in optional]
    return EngineQuery(required=required, optional=[group for group in optional if group])


def _facets(matching: Sql | list[int] | None) -> dict[str, dict[str, int]]:
    """The facet values of the documents `matching` names or lists (all when None).

    `matching` holds every filter already, so that the filters are asked once a document,
    not once for each of its facet rows.
    """
    sql = "SELECT facet, value, count(*) FROM search_searchfacet"
    params: list[Any] = []
    if isinstance(matching, list):
        clause, params = backend().within_ids("document_id", matching)
        sql += f" WHERE {clause}"
    elif matching is not None:
        clause, params = backend().within("document_id", matching)
        sql += f" WHERE {clause}"
    sql += " GROUP BY facet, value"
    counts: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet, value, count in cursor.fetchall():
            counts.setdefault(facet, {})[value] = count
    return counts


def _browse(filters: Filters, limit: int, offset: int) -> Outcome:
    """No words: every document the filters allow, by name."""
    where, params = filters.sql("d.id")
    on_rows, row_params = filters.document_sql("d")
    where, params = where + on_rows, [*params, *row_params]
    allowed = f"SELECT d.id FROM search_searchdocument d WHERE 1 = 1{where}"
    facets = _facets((allowed, params) if where else None)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {HIT_COLUMNS} FROM search_searchdocument d "
            f"WHERE 1 = 1{where} ORDER BY d.is_active DESC, d.title, d.id LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        hits: list[Hit] = cursor.fetchall()
    return Outcome(count=_count_from(facets), hits=hits, facets=facets)


def _ids(matching: Sql, most: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(f"{matching[0]} LIMIT %s", [*matching[1], most])
        return [row[0] for row in cursor.fetchall()]


def candidates(query: EngineQuery, filters: Filters, bound: int) -> list[int]:
    """The `bound` matches a search with more matches counts and ranks, in tiers as the
    ranking weighs them: those with the words in their other names (which rank first), then
    in their name, then the others, each tier in the order of the index (the order in which
    the documents were indexed)."""
    engine = backend()
    chosen: list[int] = []
    seen: set[int] = set()
    for column in ("other", "name", ""):
        matching = engine.matching_ids_sql(query, filters, column=column)
        for found in _ids(matching, bound):  # those of earlier tiers come again
            if found not in seen:
                seen.add(found)
                chosen.append(found)
                if len(chosen) == bound:
                    return chosen
    return chosen


def search(
    text: str, filters: Filters, limit: int = 20, offset: int = 0, bound: int | None = None
) -> Outcome:
    """The matches of `text` that pass `filters`, best first; with more than `bound` matches
    (MATCH_BOUND unless given) only `bound` candidates are counted and ranked (Outcome.exact
    is then False)."""
    bound = MATCH_BOUND if bound is None else bound
    vocab = vocabulary()
    words = read_query(text, vocab)
    if not words:
        return _browse(filters, limit, offset)
    engine = backend()
    query = engine_query(words, vocab)
    suggestion = suggestion_for(text, words)
    if not query.required:
        return Outcome(0, [], _no_facets(), words, suggestion)

    count, facets = _counted(query, filters, vocab, bound)
    partial = False
    if count == 0 and len(query.required) > 1:
        # No document has every word: show those with some of them, the most first.
        query = EngineQuery(required=query.required, any_required=True)
        count, facets = _counted(query, filters, vocab, bound)
        partial = count > 0
    if facets is None:  # past the bound
        among = candidates(query, filters, bound)
        hits = engine.ranked(query, filters, limit, offset, among=among)
        return Outcome(len(among), hits, _facets(among), words, suggestion, partial, exact=False)
    hits = engine.ranked(query, filters, limit, offset) if count else []
    return Outcome(count, hits, facets, words, suggestion, partial)


def _counted(
    query: EngineQuery, filters: Filters, vocab: Vocabulary, bound: int
) -> tuple[int, dict[str, dict[str, int]] | None]:
    """The matches, counted no further than past `bound`, and their facets (None past it).

    When the terms are in so few documents that no more than `bound` can match (the most the
    vocabulary's document frequencies allow), the facets count them, in one query, as before
    the bound. A vocabulary up to a minute old (vocabulary.MAX_AGE_SECONDS) can only make this
    choose the exact way when more match: slower, never wrong.
    """
    sizes = [sum(vocab.frequency(term) for term in group) for group in query.required]
    most = sum(sizes) if query.any_required else min(sizes)
    matching = backend().matching_ids_sql(query, filters)
    if most <= bound:
        facets = _facets(matching)
        return _count_from(facets), facets
    # The estimate is of the rarest word alone: words together often match fewer. The ids
    # of up to bound + 1 matches, then, and their facets by id when they are within it,
    # rather than the full-text table asked again to count them (ratio 2.0-2.2 to the raw
    # engine query nationally when it was).
    found = _ids(matching, bound + 1)
    if len(found) > bound:
        return len(found), None
    facets = _facets(found) if found else _no_facets()
    return _count_from(facets), facets


def _no_facets() -> dict[str, dict[str, int]]:
    return {facet: {} for facet in FACETS}


def type_counts(facets: dict[str, dict[str, int]]) -> dict[str, int]:
    """The matches of each type, from the facet that every document of the type has once."""
    return {kind: sum(facets.get(facet, {}).values()) for kind, facet in TYPE_FACETS.items()}


def _count_from(facets: dict[str, dict[str, int]]) -> int:
    """The matches, from the type counts (one query fewer than counting them apart)."""
    return sum(type_counts(facets).values())
