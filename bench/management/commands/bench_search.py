"""Search latency at national scale: the endpoint against the raw engine query."""

import json
import platform
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client

from bench import loading
from bench.measure import summary, timed
from jarjestokartta.directory.models import Organization
from jarjestokartta.search.backends import backend
from jarjestokartta.search.engine import engine_query, read_query
from jarjestokartta.search.filters import Filters
from jarjestokartta.search.service import search_organizations
from jarjestokartta.search.tests.relevance.queries import QUERIES
from jarjestokartta.search.vocabulary import vocabulary

DEMO = Path(settings.BASE_DIR) / "demo" / "structures.popolo.json"


class Command(BaseCommand):
    help = (
        "Fill an EMPTY database with the demo data, the relevance corpus and synthetic "
        "organisations, then measure the search endpoint and the raw engine query."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--organizations",
            type=int,
            default=120_000,
            help="size of the synthetic Finland added (as generate_dataset makes it)",
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--repeat", type=int, default=5, help="rounds over the query set")
        parser.add_argument("--output", default="", help="write the figures as JSON here")
        parser.add_argument(
            "--existing",
            action="store_true",
            help="measure the organisations already imported (adds only the demo and the "
            "relevance corpus) instead of filling an empty database",
        )

    def handle(self, *args, organizations: int, seed: int, repeat: int, output: str, **kw):
        vendor = connection.vendor
        if kw["existing"]:
            if not Organization.objects.exists():
                raise CommandError("--existing: there are no organisations; import some first.")
            loading.load_known(DEMO.read_text(encoding="utf-8"))
            created, generated, indexing = [], 0.0, 0.0
        elif Organization.objects.exists():
            raise CommandError(
                "bench_search fills the database itself: run it on an empty one, or give "
                "--existing."
            )
        else:
            self.stderr.write(f"Loading {organizations} organisations into {vendor} …")
            start = time.perf_counter()
            loading.load_known(DEMO.read_text(encoding="utf-8"))
            created = loading.add_generated(organizations, seed)
            generated = time.perf_counter() - start
            indexing = 0.0  # the import indexes as it writes: counted in the load

        client = Client(HTTP_HOST="127.0.0.1")
        engine = backend()
        vocab = vocabulary()
        prepared = [(q, engine_query(read_query(q, vocab), vocab)) for q, _ in QUERIES]

        def endpoint(query: str, fresh: bool = True):
            # "no-cache" makes the API build every answer: the repeated queries would
            # otherwise measure its cache of answers (measured apart, as `endpoint_cached`).
            headers = {"Cache-Control": "no-cache"} if fresh else {}
            response = client.get("/api/v1/search", {"q": query, "limit": 20}, headers=headers)
            assert response.status_code == 200, response.content
            assert response.get("X-Cache") != "hit" or not fresh

        for query, analysed in prepared:  # warm-up: caches, vocabulary, database pages
            endpoint(query)
            engine.ranked(analysed, Filters(), 20, 0)

        api, raw, cached = [], [], []
        for _ in range(repeat):
            for query, analysed in prepared:
                api.append(timed(lambda q=query: endpoint(q)))
                raw.append(timed(lambda a=analysed: engine.ranked(a, Filters(), 20, 0)))
                cached.append(timed(lambda q=query: endpoint(q, fresh=False)))

        hits = 0
        for query, expected in QUERIES:
            ids = [r["id"] for r in search_organizations(q=query, chosen={}, limit=10).results]
            hits += any(doc in expected for doc in ids)

        api_summary, raw_summary = summary(api), summary(raw)
        figures = {
            "database": vendor,
            "organizations": Organization.objects.count(),
            "queries": len(QUERIES),
            "repeat": repeat,
            "generated_organizations": len(created),
            "load_seconds": round(generated, 1),
            "index_seconds": round(indexing, 1),
            "endpoint": api_summary,
            "raw_engine": raw_summary,
            "endpoint_cached": summary(cached),
            "p95_ratio": round(api_summary["p95_ms"] / raw_summary["p95_ms"], 2),
            "median_ratio": round(api_summary["median_ms"] / raw_summary["median_ms"], 2),
            "hit_at_10_national": round(hits / len(QUERIES), 3),
            "machine": f"{platform.machine()}, {platform.python_version()}",
        }
        self.stdout.write(
            f"\nsearch on {vendor}, {figures['organizations']} organisations, "
            f"{len(QUERIES)} queries × {repeat}\n"
            f"  load {figures['load_seconds']} s ({len(created)} generated organisations "
            "imported and indexed)\n"
            f"  {'':18}{'median ms':>10}{'p95 ms':>10}\n"
            f"  {'search endpoint':18}{api_summary['median_ms']:>10}{api_summary['p95_ms']:>10}\n"
            f"  {'raw engine query':18}{raw_summary['median_ms']:>10}{raw_summary['p95_ms']:>10}\n"
            f"  {'ratio':18}{figures['median_ratio']:>10}{figures['p95_ratio']:>10}\n"
            f"  {'from the API cache':18}{figures['endpoint_cached']['median_ms']:>10}"
            f"{figures['endpoint_cached']['p95_ms']:>10}\n"
            f"  hit@10 at this scale: {figures['hit_at_10_national']}\n"
        )
        if output:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            Path(output).write_text(json.dumps(figures, indent=2) + "\n")
