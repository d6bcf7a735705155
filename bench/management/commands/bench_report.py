"""One table of everything `make bench` measured, SQLite next to PostgreSQL, with the targets."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

# (label, file, path to the figure, target, larger is better). Targets from issue 7 (the
# export's from issue 13), for SQLite on the 2-core machine; PostgreSQL may be 1.5 times off them.
ROWS = [
    ("import: seconds", "import", ("seconds",), 60, False),
    ("import: organisations/s", "import", ("organizations_per_second",), None, True),
    ("import: peak memory MB", "import", ("peak_memory_mb",), 1024, False),
    ("export: seconds", "export", ("seconds",), None, False),
    ("export: peak memory MB", "export", ("peak_memory_mb",), 300, False),
    ("search: median ms", "search", ("endpoint", "median_ms"), None, False),
    ("search: p95 ms", "search", ("endpoint", "p95_ms"), 30, False),
    ("search: p95 / raw engine", "search", ("p95_ratio",), 2, False),
    ("organisation page: median ms", "pages", ("organization", "median_ms"), 20, False),
    ("organisation page: queries", "pages", ("organization", "queries_median"), None, False),
    ("body page: median ms", "pages", ("body", "median_ms"), None, False),
    ("body page: queries", "pages", ("body", "queries_median"), None, False),
    ("region page: median ms", "pages", ("region", "median_ms"), None, False),
    ("region page: queries", "pages", ("region", "queries_median"), None, False),
    ("API static file: req/s", "api", ("static_file", "requests_per_second"), None, True),
    ("API list: req/s", "api", ("list", "requests_per_second"), None, True),
    ("API list: × static", "api", ("list", "ratio_to_static"), 0.25, True),
    ("API list: share from cache", "api", ("list", "cache_hits"), None, True),
    ("API list built anew: req/s", "api", ("list_uncached", "requests_per_second"), None, True),
    ("API list built anew: × static", "api", ("list_uncached", "ratio_to_static"), None, True),
    ("API detail: req/s", "api", ("detail", "requests_per_second"), None, True),
    ("API detail: × static", "api", ("detail", "ratio_to_static"), None, True),
    ("API detail built anew: × static", "api", ("detail_uncached", "ratio_to_static"), None, True),
    ("diagram: nodes drawn", "diagram", ("nodes",), None, False),
    ("diagram: members summarised", "diagram", ("summarised",), None, False),
    ("diagram: read ms", "diagram", ("build", "median_ms"), None, False),
    ("diagram: read + draw ms", "diagram", ("total", "median_ms"), 1000, False),
    ("worker memory MB", "api", ("worker_memory_mb",), 300, False),
    # Issue 14: activities and events (bench_events). "not measured yet" until the Popolo
    # import reads events and the listing page and calendars are on this branch.
    ("events: count", "events", ("events",), None, True),
    ("events import (orgs+events): s", "events", ("import", "seconds"), 150, False),
    ("events import: peak MB", "events", ("import", "peak_memory_mb"), 1536, False),
    ("events by bench loader: s", "events", ("import", "events_seconds"), None, False),
    ("occurrences stored: seconds", "events", ("store", "seconds"), None, False),
    ("occurrences stored: rows", "events", ("store", "rows"), None, True),
    ("occurrences stored: rows/s", "events", ("store", "rows_per_second"), None, True),
    ("Helsinki this week: median ms", "events", ("helsinki_week", "median_ms"), None, False),
    ("Helsinki this week: p95 ms", "events", ("helsinki_week", "p95_ms"), 50, False),
    ("Helsinki week: × bare range", "events", ("helsinki_week", "p95_ratio"), None, False),
    ("country + theme: median ms", "events", ("country_theme", "median_ms"), None, False),
    ("country + theme: p95 ms", "events", ("country_theme", "p95_ms"), 50, False),
    ("country + theme: × bare range", "events", ("country_theme", "p95_ratio"), None, False),
    ("listing page: p95 ms", "events", ("listing_page", "p95_ms"), 50, False),
    ("organisation .ics: p95 ms", "events", ("organization_ics", "p95_ms"), None, False),
    ("region month .ics: p95 ms", "events", ("region_month_ics", "p95_ms"), 300, False),
    (
        "region month .ics: bare ids p95",
        "events",
        ("region_month_ics", "baseline", "p95_ms"),
        None,
        False,
    ),
    ("Uusimaa month .ics: p95 ms", "events", ("uusimaa_month_ics", "p95_ms"), 300, False),
    ("country month .ics: p95 ms", "events", ("country_month_ics", "p95_ms"), None, False),
    ("search with events: p95 ms", "events", ("search_with_events", "p95_ms"), 30, False),
    ("search with events: × raw", "events", ("search_with_events", "p95_ratio"), 2, False),
    # Issue 15: self-service editing (bench_editing), in one region of the national data.
    ("edit form: p95 ms", "editing", ("edit_form", "p95_ms"), 100, False),
    ("edit form: × public page", "editing", ("edit_form", "p95_ratio_to_public_page"), None, False),
    ("change queue: p95 ms", "editing", ("queue", "p95_ms"), 100, False),
    ("change review: p95 ms", "editing", ("review", "p95_ms"), 100, False),
    ("approve a change set: p95 ms", "editing", ("approve", "p95_ms"), 200, False),
]
DATABASES = [("SQLite", "sqlite"), ("PostgreSQL", "postgresql")]
ALLOWANCE = {"sqlite": 1.0, "postgresql": 1.5}


class Command(BaseCommand):
    help = "Print the figures of make bench as one table and write them as one JSON file."

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", help="where the bench commands wrote their JSON")
        parser.add_argument("--output", default="")

    def handle(self, *args, directory: str, output: str, **options) -> None:
        folder = Path(directory)
        found = {
            (part, db): json.loads(path.read_text())
            for part in {row[1] for row in ROWS}
            for _, db in DATABASES
            if (path := folder / f"{part}-{db}.json").exists()
        }
        table = []
        for label, part, keys, target, larger in ROWS:
            row = {"figure": label, "target": target}
            for _, db in DATABASES:
                value = _dig(found.get((part, db)), keys)
                row[db] = value
                row[f"{db}_meets_target"] = _meets(value, target, larger, ALLOWANCE[db])
            table.append(row)
        self.stdout.write(_format(table))
        if output:
            Path(output).write_text(
                json.dumps(
                    {"table": table, "details": {f"{p}-{d}": v for (p, d), v in found.items()}},
                    indent=1,
                )
                + "\n"
            )


def _dig(data, keys):
    for key in keys:
        if isinstance(data, str):  # "not measured yet" stands for all the figures below it
            return data
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
        if isinstance(data, dict) and data.get("status", 200) != 200:
            # A page that refused (a feed over its cap) answered fast, but did not answer.
            return f"refused (HTTP {data['status']})"
    return data


def _meets(value, target, larger: bool, allowance: float):
    if not isinstance(value, int | float) or target is None:
        return None
    return value >= target / allowance if larger else value <= target * allowance


def _format(table: list[dict]) -> str:
    def cell(row, db):
        value = row[db]
        if value is None:
            return "–"
        mark = {True: " ok", False: " MISS", None: ""}[row[f"{db}_meets_target"]]
        return f"{value:,}{mark}" if isinstance(value, int | float) else f"{value}{mark}"

    lines = [f"{'':32}{'target':>10}{'SQLite':>18}{'PostgreSQL':>18}"]
    for row in table:
        target = "" if row["target"] is None else f"{row['target']:,}"
        lines.append(
            f"{row['figure']:32}{target:>10}{cell(row, 'sqlite'):>18}{cell(row, 'postgresql'):>18}"
        )
    return "\n".join(lines) + "\n"
