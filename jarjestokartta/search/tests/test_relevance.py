"""Search quality on a relevance set: hit@10 and MRR, ours against two baselines."""

import pytest

from jarjestokartta.directory.models import Organization
from jarjestokartta.popolo.importer import popolo_import
from jarjestokartta.search.service import search_organizations
from jarjestokartta.search.tests.relevance import baselines
from jarjestokartta.search.tests.relevance.corpus import corpus_json
from jarjestokartta.search.tests.relevance.queries import QUERIES

pytestmark = pytest.mark.django_db

MIN_HIT_AT_10 = 0.98
MIN_MRR = 0.90


def evaluate(rank) -> tuple[float, float, list[str]]:
    """hit@10, MRR (over the top 10) and the queries that missed, for a ranking function."""
    hits, reciprocal, misses = 0, 0.0, []
    for query, expected in QUERIES:
        top = rank(query)[:10]
        position = next((i for i, doc in enumerate(top, 1) if doc in expected), None)
        if position:
            hits += 1
            reciprocal += 1 / position
        else:
            misses.append(query)
    return hits / len(QUERIES), reciprocal / len(QUERIES), misses


@pytest.fixture
def corpus(demo):
    popolo_import(corpus_json())
    return {
        org.popolo_id: (
            org.name,
            " ".join(
                [org.name, *(n.name for n in org.other_names.all()), org.abstract, org.description]
            ),
        )
        for org in Organization.objects.prefetch_related("other_names")
    }


def test_the_relevance_set_is_big_enough():
    assert len(QUERIES) >= 60


def test_search_finds_what_people_mean_and_beats_both_baselines(corpus):
    def ours(query: str) -> list[str]:
        page = search_organizations(q=query, chosen={}, limit=10)
        return [result["id"] for result in page.results]

    hit, mrr, misses = evaluate(ours)
    naive_hit, naive_mrr, _ = evaluate(lambda q: baselines.substring_ranking(q, corpus))
    stem_hit, stem_mrr, _ = evaluate(lambda q: baselines.snowball_ranking(q, corpus))
    print(
        f"\nrelevance over {len(QUERIES)} queries, {len(corpus)} organisations:\n"
        f"  ours              hit@10 {hit:.3f}  MRR {mrr:.3f}\n"
        f"  substring         hit@10 {naive_hit:.3f}  MRR {naive_mrr:.3f}\n"
        f"  Snowball OR       hit@10 {stem_hit:.3f}  MRR {stem_mrr:.3f}\n"
        f"  missed: {misses}"
    )
    assert hit >= MIN_HIT_AT_10, misses
    assert mrr >= MIN_MRR
    assert hit > naive_hit and mrr > naive_mrr
    assert hit > stem_hit and mrr > stem_mrr
