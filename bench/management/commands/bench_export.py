"""Time the operator's full export as an operator runs it: `export_popolo` in its own process."""

import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from jarjestokartta.directory.models import Organization
from jarjestokartta.structures.models import Membership


class Command(BaseCommand):
    help = (
        "Export the whole database with `manage.py export_popolo` in a child process and "
        "report seconds, the file's size and the child's peak resident memory."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--file", default="", help="keep the export here (default: a temporary file)"
        )
        parser.add_argument("--output", default="", help="write the figures as JSON here")

    def handle(self, *args: Any, file: str, output: str, **options: Any) -> None:
        if not Organization.objects.exists():
            raise CommandError("No organisations to export: run bench_import first.")
        with tempfile.TemporaryDirectory(dir=settings.VAR_DIR) as folder:
            target = Path(file or Path(folder) / "export.popolo.json")
            command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
            command += ["export_popolo", str(target), "--no-progress"]
            start = time.perf_counter()
            # The child's own peak: RUSAGE_CHILDREN covers children that have ended, and this
            # process starts none other before it.
            done = subprocess.run(command, capture_output=True, text=True)
            seconds = time.perf_counter() - start
            if done.returncode != 0:
                raise CommandError(f"export_popolo failed:\n{done.stderr[-3000:]}")
            peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            file_mb = target.stat().st_size / 1e6
        organizations = Organization.objects.count()
        figures = {
            "database": connection.vendor,
            "organizations": organizations,
            "memberships": Membership.objects.count(),
            "file_mb": round(file_mb, 1),
            "seconds": round(seconds, 1),
            "organizations_per_second": round(organizations / seconds),
            "peak_memory_mb": round(peak_mb),
            "exported": done.stderr.strip().splitlines()[-1],
            "machine": f"{platform.machine()}, {platform.python_version()}",
        }
        self.stdout.write(
            f"\nexport on {figures['database']}: {organizations:,} organisations and "
            f"{figures['memberships']:,} memberships, {figures['file_mb']} MB in "
            f"{figures['seconds']} s, peak memory {figures['peak_memory_mb']:,} MB\n"
        )
        if output:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            Path(output).write_text(json.dumps(figures, indent=1) + "\n")
