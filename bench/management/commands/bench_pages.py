"""The public pages at scale: organisation, cooperation body and region, rendered in-process."""

import json
import platform
import random
import statistics
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.measure import summary, timed
from jarjestokartta.directory.models import BODY_KINDS, Organization
from jarjestokartta.geography.models import Area, AreaKind


class Command(BaseCommand):
    help = (
        "Render organisation, body and region pages through Django (no HTTP server): median "
        "and p95 milliseconds and the number of database queries of each kind of page."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--pages", type=int, default=30, help="pages of each kind")
        parser.add_argument("--repeat", type=int, default=3, help="rounds after a warm-up")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--output", default="")

    def handle(self, *args, pages: int, repeat: int, seed: int, output: str, **options) -> None:
        rng = random.Random(seed)
        associations = list(
            Organization.objects.filter(classification="association").values_list("slug", flat=True)
        )
        bodies = list(
            Organization.objects.filter(classification__in=BODY_KINDS).values_list(
                "slug", flat=True
            )
        )
        regions = list(
            Area.objects.filter(classification=AreaKind.REGION).values_list("slug", flat=True)
        )
        if not associations or not bodies:
            raise CommandError("No organisations or bodies: import data first (make bench).")
        kinds = {
            "organization": [f"/jarjestot/{s}/" for s in _sample(rng, associations, pages)],
            "body": [f"/jarjestot/{s}/" for s in _sample(rng, bodies, pages)],
            "region": [f"/alueet/{s}/" for s in _sample(rng, regions, pages)],
        }
        call_command("collectstatic", interactive=False, verbosity=0)  # pages name their CSS
        client = Client(HTTP_HOST="127.0.0.1")
        figures: dict = {
            "database": connection.vendor,
            "organizations_in_database": Organization.objects.count(),
            "machine": f"{platform.machine()}, {platform.python_version()}",
        }
        for kind, paths in kinds.items():
            queries = [_query_count(client, path) for path in paths]  # also the warm-up
            samples = [
                timed(lambda p=path: _get(client, p)) for _ in range(repeat) for path in paths
            ]
            figures[kind] = {
                **summary(samples),
                "queries_median": statistics.median(queries),
                "queries_max": max(queries),
            }
        self.stdout.write(
            f"\npages on {figures['database']} ({figures['organizations_in_database']:,} "
            f"organisations), {pages} of each × {repeat}\n"
            f"  {'':14}{'median ms':>10}{'p95 ms':>10}{'queries':>10}\n"
            + "".join(
                f"  {kind:14}{figures[kind]['median_ms']:>10}{figures[kind]['p95_ms']:>10}"
                f"{figures[kind]['queries_median']:>10}\n"
                for kind in kinds
            )
        )
        if output:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            Path(output).write_text(json.dumps(figures, indent=1) + "\n")


def _sample(rng: random.Random, items: list[str], count: int) -> list[str]:
    return rng.sample(items, min(count, len(items)))


def _get(client: Client, path: str) -> None:
    response = client.get(path)
    if response.status_code != 200:
        raise CommandError(f"{path} answered {response.status_code}")


def _query_count(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        _get(client, path)
    return len(queries)
