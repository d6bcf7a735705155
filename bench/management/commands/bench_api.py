"""The open data API under load from the production server, next to a static file it serves."""

import json
import platform
import random
import statistics
from pathlib import Path
from typing import NamedTuple

from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from bench import http
from bench.measure import summary
from jarjestokartta.directory.models import Organization, Theme
from jarjestokartta.geography.models import Area, AreaKind


class Series(NamedTuple):
    label: str
    paths: str
    headers: dict[str, str] | None = None


# The API keeps answers to anonymous GETs (api/cache.py), so the same mix is measured twice:
# as served, where the warm-up has asked for every address once and most answers come from
# the cache, and with Cache-Control: no-cache, where every answer is built anew as the first
# request for an address, or any request after a change to the data, is. "cached" in the
# printed table (cache_hits in the JSON) is the share of answers that came from the cache.
FRESH = {"Cache-Control": "no-cache"}
SERIES = {
    "static_file": Series("static file (baseline)", "static_file"),
    "list": Series("list, 50 a page, filtered", "list"),
    "list_uncached": Series("  the same, built anew (no-cache)", "list", FRESH),
    "detail": Series("detail", "detail"),
    "detail_uncached": Series("  the same, built anew (no-cache)", "detail", FRESH),
}


class Command(BaseCommand):
    help = (
        "Serve the database with gunicorn (gunicorn.conf.py) and time the organisation list "
        "and detail endpoints, answered from the API's cache and built anew: median latency "
        "of one client, and throughput of several client processes next to a static file "
        "served by the same server."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--clients", type=int, default=8)
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
        parser.add_argument("--seconds", type=float, default=5.0, help="per throughput run")
        parser.add_argument("--requests", type=int, default=100, help="per latency series")
        parser.add_argument("--repeat", type=int, default=3, help="throughput runs")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--output", default="")

    def handle(self, *args, **options) -> None:
        if not Organization.objects.exists():
            self.stderr.write("No organisations: run bench_search (or import data) first.")
            return
        call_command("collectstatic", interactive=False, verbosity=0)
        kinds = self._paths(options["seed"], options["requests"])
        port = http.free_port()
        figures: dict = {
            "database": connection.vendor,
            "organizations_in_database": Organization.objects.count(),
            "clients": options["clients"],
            "gunicorn_workers": options["workers"],
            "machine": f"{platform.machine()}, {platform.python_version()}, "
            f"{__import__('os').cpu_count()} cores",
        }
        with http.gunicorn(port, options["workers"]) as server:
            for kind in SERIES.values():  # warm-up: workers import, caches fill
                http.latencies(port, kinds[kind.paths], kind.headers)
            for name, kind in SERIES.items():
                samples, hits = http.latencies(port, kinds[kind.paths], kind.headers)
                figures[name] = {"latency": summary(samples), "latency_cache_hits": round(hits, 3)}
            clients, seconds = options["clients"], options["seconds"]
            for name, kind in SERIES.items():
                runs = [
                    http.throughput(port, kinds[kind.paths], clients, seconds, kind.headers)
                    for _ in range(options["repeat"])
                ]
                figures[name]["requests_per_second"] = round(
                    statistics.median(rate for rate, _ in runs), 1
                )
                figures[name]["cache_hits"] = round(statistics.mean(hits for _, hits in runs), 3)
            # After every request of the run: the largest worker is the one to size for.
            figures["worker_memory_mb"] = max(http.worker_memory_mb(server))
        static = figures["static_file"]["requests_per_second"]
        for name in SERIES.keys() - {"static_file"}:
            figures[name]["ratio_to_static"] = round(
                figures[name]["requests_per_second"] / static, 3
            )
        self._report(figures, options)
        if options["output"]:
            Path(options["output"]).write_text(json.dumps(figures, indent=1) + "\n")

    def _paths(self, seed: int, count: int) -> dict[str, list[str]]:
        """The requests each series cycles through: pages of filtered lists, random records."""
        rng = random.Random(seed)
        regions = list(
            Area.objects.filter(classification=AreaKind.REGION).values_list("slug", flat=True)
        )
        themes = list(Theme.objects.values_list("slug", flat=True)) or [""]
        ids = list(Organization.objects.values_list("popolo_id", flat=True))
        lists = []
        for _ in range(count):
            query = f"per_page=50&page={rng.randint(1, 5)}&region={rng.choice(regions)}"
            if rng.random() < 0.5:
                query += f"&theme={rng.choice(themes)}"
            lists.append(f"/api/v1/organizations?{query}")
        details = [f"/api/v1/organizations/{rng.choice(ids)}" for _ in range(count)]
        static = [staticfiles_storage.url("css/site.css")] * count
        return {"static_file": static, "list": lists, "detail": details}

    def _report(self, figures: dict, options: dict) -> None:
        self.stdout.write(
            f"\nAPI on {figures['database']} ({figures['organizations_in_database']:,} "
            f"organisations), gunicorn {options['workers']} workers, "
            f"{options['clients']} client processes\n"
            f"  {'':34}{'median ms':>10}{'p95 ms':>10}{'req/s':>10}{'× static':>10}"
            f"{'cached':>8}\n"
        )
        for name, kind in SERIES.items():
            item = figures[name]
            ratio = item.get("ratio_to_static", 1.0)
            cached = f"{item['cache_hits']:.0%}" if name != "static_file" else ""
            self.stdout.write(
                f"  {kind.label:34}{item['latency']['median_ms']:>10}"
                f"{item['latency']['p95_ms']:>10}{item['requests_per_second']:>10}"
                f"{ratio:>10}{cached:>8}\n"
            )
        self.stdout.write(f"  largest worker after the run: {figures['worker_memory_mb']} MB\n")
