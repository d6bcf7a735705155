"""Activities and events at national scale (issue 14): the import with the events, storing
their occurrences, the listings' first page and the calendars, each next to a baseline."""

import json
import platform
import resource
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.utils import timezone

from bench import search_baseline
from bench.event_loading import load_events
from bench.events import BENCH_DAY
from bench.feed_timing import month_feed
from bench.measure import summary, timed
from jarjestokartta.directory.models import Organization, Theme
from jarjestokartta.events import occurrences
from jarjestokartta.events.filtering import EventFilter, filter_occurrences
from jarjestokartta.events.models import Event, Occurrence
from jarjestokartta.search.event_listing import PAGE_SIZE

NOT_YET = "not measured yet"
# The listing fetches one row more than it shows, to know whether a next page exists.
PAGE = PAGE_SIZE + 1


class Command(BaseCommand):
    help = (
        "Write the file's events (by the Popolo import when it reads them, else by the bench "
        "loader), store their occurrences and time the listings and calendars."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the file generate_dataset wrote")
        parser.add_argument("--import-figures", default="", help="bench_import's JSON")
        parser.add_argument("--repeat", type=int, default=5, help="rounds after a warm-up")
        parser.add_argument("--output", default="")
        parser.add_argument(
            "--in-process",
            action="store_true",
            help="write the events in this process (tests: their database), peak not measured",
        )

    def handle(self, *args, file: str, import_figures: str, repeat: int, output: str, **kw):
        if not Organization.objects.exists():
            raise CommandError("No organisations: run bench_import first.")
        figures: dict = {
            "database": connection.vendor,
            "bench_day": BENCH_DAY.isoformat(),
            "machine": f"{platform.machine()}, {platform.python_version()}",
        }
        figures["import"] = self.load(file, import_figures, kw["in_process"])
        figures["events"] = Event.objects.count()
        self.stderr.write(f"Storing the occurrences of {figures['events']:,} events …")
        start = time.perf_counter()
        rows = occurrences.store(today=BENCH_DAY)
        seconds = time.perf_counter() - start
        figures["store"] = {
            "seconds": round(seconds, 1),
            "rows": rows,
            "rows_per_second": round(rows / seconds) if seconds else None,
        }
        figures.update(self.listings(repeat))
        figures.update(self.pages(repeat))
        figures["search_with_events"] = (
            self.search(repeat) if figures["import"]["events_by"] == "import_popolo" else NOT_YET
        )
        self.stdout.write(_describe(figures))
        if output:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            Path(output).write_text(json.dumps(figures, indent=1) + "\n")

    def load(self, file: str, import_figures: str, in_process: bool) -> dict:
        """The whole import: organisations and events, seconds and peak memory."""
        organisations = json.loads(Path(import_figures).read_text()) if import_figures else {}
        if Event.objects.exists() and not organisations.get("events_imported"):
            raise CommandError("The database has events already: start from a fresh one.")
        if organisations.get("events_imported"):
            return {
                "events_by": "import_popolo",
                "seconds": organisations.get("seconds"),
                "peak_memory_mb": organisations.get("peak_memory_mb"),
            }
        if not Path(file).exists():
            raise CommandError(f"{file} does not exist: write it with generate_dataset first.")
        command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        start = time.perf_counter()
        if in_process:
            rows, peak = load_events(file), None
        else:
            done = subprocess.run(
                [*command, "bench_load_events", file], capture_output=True, text=True
            )
            if done.returncode != 0:
                raise CommandError(f"bench_load_events failed:\n{done.stderr[-3000:]}")
            rows = json.loads(done.stdout.strip().splitlines()[-1])
            # The child's own peak, as bench_import measures the import's.
            peak = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
        seconds = time.perf_counter() - start
        figures: dict = {
            # Plain rows, no validation, history or index: not what the import will take.
            "events_by": "bench loader (bench-only, until import_popolo reads events)",
            "events_seconds": round(seconds, 1),
            "events_peak_memory_mb": peak,
            "rows": rows,
            "organizations_seconds": organisations.get("seconds"),
            "organizations_peak_memory_mb": organisations.get("peak_memory_mb"),
            "seconds": NOT_YET,
            "peak_memory_mb": NOT_YET,
        }
        return figures

    def listings(self, repeat: int) -> dict:
        """The listings' first page through events.filtering, as the listing page reads it,
        against the bare range query on the stored occurrences' index (the baseline): what
        the filters and joins add. The count, which the page does not make and the API's
        pages do, is timed apart."""
        monday = BENCH_DAY - timedelta(days=BENCH_DAY.weekday())
        week = (_moment(monday), _moment(monday + timedelta(days=7)) - timedelta(microseconds=1))
        month = (_moment(BENCH_DAY), _moment(BENCH_DAY + timedelta(days=30)))
        themes = list(
            Theme.objects.filter(events__isnull=False).distinct().values_list("slug", flat=True)
        )
        cases = {
            "helsinki_week": [(EventFilter(municipality=["091"]), week)],
            "country_theme": [(EventFilter(theme=[slug]), month) for slug in themes],
            # Few matches in the month (a few hundred events are in Arabic): the case in which
            # walking the month in order of start would read all of it.
            "country_theme_rare": [
                (EventFilter(theme=[slug], language=["ar"]), month) for slug in themes
            ],
        }
        return {name: _timed_listing(queries, repeat) for name, queries in cases.items()}

    def pages(self, repeat: int) -> dict:
        """The listing page and the calendars through the test client, once they exist."""
        call_command("collectstatic", interactive=False, verbosity=0)  # pages name their CSS
        client = Client(HTTP_HOST="127.0.0.1")
        organiser = (
            Organization.objects.filter(organized_events__isnull=False)
            .order_by("pk")
            .values_list("slug", flat=True)
            .first()
        )
        paths = {
            "listing_page": "/tapahtumat/?kunta=helsinki",
            "organization_ics": f"/jarjestot/{organiser}/tapahtumat.ics",
        }
        found: dict = {}
        for name, path in paths.items():
            first = client.get(path)  # the warm-up; its answer is reported with the times
            found[name] = {
                "path": path,
                # A feed over its cap is refused (400): timed too, but said so, not hidden.
                "status": first.status_code,
                "bytes": len(first.content),
                **summary([timed(lambda p=path: client.get(p)) for _ in range(repeat * 4)]),
            }
        # A month of the listing's feed: the target's region, the largest region, the country,
        # by the feed's own parameter names (events/feed_params.py; the listing's Finnish ones,
        # maakunta, alku …, it ignores, which made this the whole country from today).
        first, last = BENCH_DAY.replace(day=1), _month_end(BENCH_DAY)
        for name, region in MONTH_FEEDS.items():
            found[name] = month_feed(client, region, first, last, repeat)
        return found

    def search(self, repeat: int) -> dict:
        """The search endpoint for what people look for among activities, with the events in
        the index (they are only when the Popolo import wrote them), against the raw engine
        query for the same terms in the same rounds (bench/search_baseline.py)."""
        return search_baseline.measure(SEARCHES, repeat)


MONTH_FEEDS = {
    "region_month_ics": "pohjois-savo",
    "uusimaa_month_ics": "uusimaa",
    "country_month_ics": None,
}
# What people look for among activities (bench/event_patterns.py has these words).
SEARCHES = ["perhekahvila", "vertaistukiryhmä", "kuoro", "kuntosali senioreille", "talkoot"]


def _moment(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time(), timezone.get_default_timezone())


def _month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def _timed_listing(queries: list[tuple[EventFilter, tuple[datetime, datetime]]], repeat: int):
    for wanted, (first, last) in queries:  # warm-up
        _first_page(wanted, first, last)
        _bare_page(first, last)
    listed, bare, counted, totals = [], [], [], []
    for _ in range(repeat * 4):
        for wanted, (first, last) in queries:
            listed.append(timed(lambda w=wanted, f=first, t=last: _first_page(w, f, t)))
            bare.append(timed(lambda f=first, t=last: _bare_page(f, t)))
            counted.append(timed(lambda w=wanted, f=first, t=last: _count(w, f, t)))
    for wanted, (first, last) in queries:
        totals.append(_count(wanted, first, last))
    return {
        **summary(listed),
        "baseline": summary(bare),
        "p95_ratio": _ratio(summary(listed), summary(bare)),
        # What the API's pages add (they count); the listing page does not.
        "count_only": summary(counted),
        "occurrences_listed": max(totals),
        "fewest_listed": min(totals),
    }


def _first_page(wanted: EventFilter, first: datetime, last: datetime) -> list:
    """As the listing page reads its first page (search/event_listing.py): PAGE_SIZE + 1
    occurrences with their event, organiser and municipality in one query, and no count."""
    found = filter_occurrences(wanted, first, last, BENCH_DAY)
    return list(
        found.select_related("event", "event__organizer", "event__municipality", "area")[:PAGE]
    )


def _count(wanted: EventFilter, first: datetime, last: datetime) -> int:
    """As the API's /occurrences counts its pages."""
    return filter_occurrences(wanted, first, last, BENCH_DAY, counting=True).count()


def _bare_page(first: datetime, last: datetime) -> list:
    """The baseline: the first page of the stored occurrences' start index, nothing joined."""
    return list(
        Occurrence.objects.filter(start__gte=first, start__lte=last)
        .order_by("start", "event_id")
        .values_list("pk", flat=True)[:PAGE]
    )


def _ratio(measured: dict, baseline: dict) -> float | None:
    return round(measured["p95_ms"] / baseline["p95_ms"], 2) if baseline["p95_ms"] else None


def _describe(figures: dict) -> str:
    store = figures["store"]
    lines = [
        f"\nevents on {figures['database']}: {figures['events']:,} events, measured as on "
        f"{figures['bench_day']}",
        _described_import(figures["import"]),
        f"  occurrences stored: {store['rows']:,} rows in {store['seconds']} s "
        f"({store['rows_per_second']:,} rows/s)",
        f"  {'':18}{'median ms':>10}{'p95 ms':>10}{'bare p95':>10}{'count p95':>10}{'listed':>10}",
    ]
    for name in ("helsinki_week", "country_theme"):
        item = figures[name]
        lines.append(
            f"  {name:18}{item['median_ms']:>10}{item['p95_ms']:>10}"
            f"{item['baseline']['p95_ms']:>10}{item['count_only']['p95_ms']:>10}"
            f"{item['occurrences_listed']:>10,}"
        )
    for name in ("listing_page", "organization_ics", *MONTH_FEEDS, "search_with_events"):
        item = figures[name]
        shown = item if isinstance(item, str) else f"{item['median_ms']} / {item['p95_ms']} ms"
        if isinstance(item, dict) and "status" in item:
            shown += f" (HTTP {item['status']}, {item['bytes']:,} bytes)"
        if isinstance(item, dict) and "events" in item:  # a month's feed
            shown += (
                f", {item['events']:,} events, bare ids {item['baseline']['median_ms']} / "
                f"{item['baseline']['p95_ms']} ms, first {item['first_ms']} ms, "
                f"peak {item['peak_mb']} MB"
            )
        elif isinstance(item, dict) and "baseline" in item:  # the search
            shown += (
                f" (raw engine query {item['baseline']['median_ms']} / "
                f"{item['baseline']['p95_ms']} ms, p95 ratio {item['p95_ratio']}; "
                f"unranked {item['unranked']['p95_ms']} ms)"
            )
        lines.append(f"  {name:18}{shown}")
    return "\n".join(lines) + "\n"


def _described_import(load: dict) -> str:
    if load["events_by"] == "import_popolo":  # the whole import, organisations and events
        return (
            f"  whole import by import_popolo: {load['seconds']} s, "
            f"peak {load['peak_memory_mb']} MB"
        )
    return (
        f"  events written by {load['events_by']}: {load['events_seconds']} s, "
        f"peak {load['events_peak_memory_mb']} MB"
    )
