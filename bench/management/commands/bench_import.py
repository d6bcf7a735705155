"""Time the import of a Popolo file as an operator runs it: `import_popolo` in its own process."""

import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from jarjestokartta.directory.models import Organization
from jarjestokartta.popolo.records import COLLECTIONS
from jarjestokartta.structures.models import Membership


class Command(BaseCommand):
    help = (
        "Import a Popolo file with `manage.py import_popolo` in a child process (validation, "
        "writing, search indexing, one transaction) and report seconds, organisations a "
        "second and the child's peak resident memory."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file")
        parser.add_argument("--output", default="")

    def handle(self, *args, file: str, output: str, **options) -> None:
        if not Path(file).exists():
            raise CommandError(f"{file} does not exist: write it with generate_dataset first.")
        before = Organization.objects.count(), Membership.objects.count()
        with_events = "events" in COLLECTIONS
        if not with_events:
            file = without_events(file)
        command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "import_popolo"]
        start = time.perf_counter()
        # The child's own peak: RUSAGE_CHILDREN covers children that have ended, and this
        # process starts none other before it.
        done = subprocess.run([*command, file, "--no-progress"], capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            raise CommandError(f"import_popolo failed:\n{done.stderr[-3000:]}")
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        organizations = Organization.objects.count() - before[0]
        figures = {
            "database": connection.vendor,
            # False while the Popolo import does not read events: bench_events then writes
            # them with its bench-only loader and adds its seconds (bench/event_loading.py).
            "events_imported": with_events,
            "file_mb": round(Path(file).stat().st_size / 1e6, 1),
            "organizations": organizations,
            "memberships": Membership.objects.count() - before[1],
            "seconds": round(seconds, 1),
            "organizations_per_second": round(organizations / seconds),
            "peak_memory_mb": round(peak_mb),
            "machine": f"{platform.machine()}, {platform.python_version()}",
        }
        self.stdout.write(
            f"\nimport on {figures['database']}: {file} ({figures['file_mb']} MB), "
            f"{organizations:,} organisations and {figures['memberships']:,} memberships in "
            f"{figures['seconds']} s ({figures['organizations_per_second']:,} organisations/s), "
            f"peak memory {figures['peak_memory_mb']:,} MB\n"
        )
        if output:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            Path(output).write_text(json.dumps(figures, indent=1) + "\n")


def without_events(file: str) -> str:
    """A copy of the file (as generate_dataset writes it) without its `events`, for a Popolo
    import that does not read them yet; the copy is made before the clock starts."""
    copy = Path(file).with_name(Path(file).stem + "-without-events.json")
    with open(file, encoding="utf-8") as lines, copy.open("w", encoding="utf-8") as out:
        previous = None
        for line in lines:
            if line.startswith('"events": ['):
                break
            if previous is not None:
                out.write(previous)
            previous = line
        out.write((previous or "").rstrip().removesuffix(",") + "\n}\n")
    return str(copy)
