"""Filling a benchmark database: demo data, the relevance corpus and a synthetic Finland."""

import io

from bench.dataset import write_dataset
from jarjestokartta.directory.models import Organization
from jarjestokartta.popolo.importer import popolo_import
from jarjestokartta.popolo.records import COLLECTIONS
from jarjestokartta.search.tests.relevance.corpus import corpus_json


def load_known(demo_text: str) -> None:
    """The demo structures and the relevance corpus, so that the relevance queries apply."""
    popolo_import(demo_text)
    popolo_import(corpus_json())


def add_generated(organizations: int, seed: int) -> list[int]:
    """A synthetic Finland of this many organisations (bench/dataset.py, as generate_dataset
    writes it; its events once the import reads them), imported; returns the primary keys of
    its organisations."""
    out = io.StringIO()
    write_dataset(out, organizations, seed, events="events" in COLLECTIONS)
    before = set(Organization.objects.values_list("pk", flat=True))
    popolo_import(out.getvalue())
    return sorted(set(Organization.objects.values_list("pk", flat=True)) - before)
