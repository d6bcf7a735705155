"""A search with more matches than engine.MATCH_BOUND counts and ranks only that many, and
says so: the count is a lower bound, the facets are of those counted, the best of them shown.

The bound is set low here (it is 1,000) so that a handful of organisations passes it.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jarjestokartta.directory.models import Organization, OtherName
from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.search import engine
from jarjestokartta.search.backends import backend
from jarjestokartta.search.engine import search
from jarjestokartta.search.filters import Filters
from jarjestokartta.search.vocabulary import Vocabulary, vocabulary

pytestmark = pytest.mark.django_db

BOUND = 3


@pytest.fixture
def choirs() -> None:
    """Four with "kuoro" only in their text, two choirs by name, and others that make the
    word uncommon (in under a tenth of the documents, so that it must match)."""
    for n in range(60):
        OrganizationFactory(name=f"Kyläyhdistys {n}", slug=f"kyla-{n}")
    # Indexed before the choirs, so that they come first in the index's own order.
    for n in range(4):
        OrganizationFactory(
            name=f"Kulttuuriyhdistys {n}", slug=f"kulttuuri-{n}", description="Meillä on kuoro."
        )
    OrganizationFactory(name="Kuoro Laulurastaat ry", slug="laulurastaat")
    OrganizationFactory(name="Kamarikuoro Sointu", slug="sointu")


@pytest.fixture
def low_bound(monkeypatch) -> int:
    monkeypatch.setattr(engine, "MATCH_BOUND", BOUND)
    return BOUND


def test_under_the_bound_the_count_and_facets_are_exact(choirs):
    outcome = search("kuoro", Filters())
    assert outcome.exact is True
    assert outcome.count == 6 == len(outcome.hits)
    assert sum(outcome.facets["classification"].values()) == 6


def test_over_the_bound_the_count_is_a_lower_bound_and_said_so(choirs, low_bound):
    outcome = search("kuoro", Filters())
    assert outcome.exact is False
    assert outcome.count == low_bound
    # The facets count the candidates only, which are fewer than the matches.
    assert sum(outcome.facets["classification"].values()) == low_bound
    assert len(outcome.hits) == low_bound


def test_the_candidates_have_the_words_in_their_name_first(choirs, low_bound):
    # "Kamarikuoro" is a compound: "kuoro" is one of its parts, indexed in the name.
    hits = search("kuoro", Filters()).hits
    names = [hit[3] for hit in hits]
    assert set(names[:2]) == {"Kuoro Laulurastaat ry", "Kamarikuoro Sointu"}
    assert names[2].startswith("Kulttuuriyhdistys")


def test_an_other_name_holding_the_word_is_a_candidate_and_first(choirs, low_bound):
    # Indexed last and without the word in its name, with as many choirs by name as the
    # bound before it: only asking the other names first finds it, and the ranking puts
    # such a match (an abbreviation, another name) first.
    OrganizationFactory(name="Mieskuoro Basso", slug="basso")
    laulajat: Organization = OrganizationFactory.create(name="Laulajat ry", slug="laulajat")
    OtherName.objects.create(organization=laulajat, name="Sekakuoro Laulajat", kind="alternative")
    hits = search("kuoro", Filters()).hits
    assert hits[0][3] == "Laulajat ry"


def test_the_best_matches_are_the_same_as_when_every_match_is_ranked(choirs, low_bound):
    everything = search("kuoro", Filters(), bound=100).hits
    bounded = search("kuoro", Filters()).hits
    assert bounded[:2] == everything[:2]


def test_a_facet_count_over_the_bound_never_exceeds_the_true_count(choirs, low_bound):
    exact = search("kuoro", Filters(), bound=100).facets
    bounded = search("kuoro", Filters()).facets
    for facet, values in bounded.items():
        for value, count in values.items():
            assert 0 < count <= exact[facet][value]


def test_a_filter_that_narrows_under_the_bound_counts_exactly_again(choirs, low_bound):
    OrganizationFactory(name="Kuoroverkosto", slug="verkosto", classification="network")
    outcome = search("kuoro", Filters({"classification": ["network"]}))
    assert outcome.exact is True
    assert outcome.count == 1
    assert [hit[3] for hit in outcome.hits] == ["Kuoroverkosto"]


def test_later_pages_come_from_the_same_candidates(choirs, low_bound):
    first = search("kuoro", Filters(), limit=2, offset=0).hits
    second = search("kuoro", Filters(), limit=2, offset=2).hits
    assert len(first) == 2 and len(second) == 1
    assert not {hit[0] for hit in first} & {hit[0] for hit in second}


def test_no_match_is_still_an_exact_zero(choirs, low_bound):
    outcome = search("sukellus", Filters())
    assert outcome.count == 0 and outcome.exact is True and outcome.hits == []


def test_words_too_rare_to_pass_the_bound_are_counted_in_the_facet_query(choirs):
    # The vocabulary says "kuoro" is in 6 documents: no more than the bound can match, so
    # the facets count the matches and no count is asked apart (the full-text table twice:
    # the facets and the ranking).
    with CaptureQueriesContext(connection) as queries:
        outcome = search("kuoro", Filters())
    assert outcome.exact is True and outcome.count == 6
    assert sum("search_fts" in q["sql"] or "@@" in q["sql"] for q in queries) == 2


def test_a_stale_vocabulary_makes_the_count_slower_never_wrong(choirs, low_bound, monkeypatch):
    # A vocabulary from before the matches were indexed says they are few: the search then
    # counts them all, exactly, past the bound.
    monkeypatch.setattr(Vocabulary, "frequency", lambda self, term: 1)
    outcome = search("kuoro", Filters())
    assert outcome.exact is True
    assert outcome.count == 6 == len(outcome.hits)


def test_words_common_alone_but_rare_together_ask_the_full_text_table_twice(
    choirs, low_bound, monkeypatch
):
    # Each word as common as past the bound by the vocabulary, together only one document:
    # the ids of up to bound + 1 matches are read once, their facets counted by id, then
    # ranked, with no count asked of the full-text table apart.
    monkeypatch.setattr(Vocabulary, "frequency", lambda self, term: 5)
    with CaptureQueriesContext(connection) as queries:
        outcome = search("kuoro sointu", Filters())
    assert outcome.exact is True and outcome.count == 1
    assert [hit[3] for hit in outcome.hits] == ["Kamarikuoro Sointu"]
    assert sum(outcome.facets["classification"].values()) == 1
    assert sum("search_fts" in q["sql"] or "@@" in q["sql"] for q in queries) == 2


def test_the_other_names_are_asked_through_an_index_of_their_own(choirs):
    """The main index cannot tell a term's weight: asked for the other names by weight,
    PostgreSQL read every document (132 ms for "talkoot" at 30,000 organisations)."""
    vocab = vocabulary()
    query = engine.engine_query(engine.read_query("kuoro", vocab), vocab)
    sql, params = backend().matching_ids_sql(query, Filters(), column="other")
    if connection.vendor == "sqlite":
        assert "{other} :" in params[0]  # FTS5's own column filter
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_document_other_names" in plan
