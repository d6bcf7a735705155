"""Write the synthetic Finland of `make bench` as a Popolo file."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bench.dataset import write_dataset


class Command(BaseCommand):
    help = (
        "Write a deterministic synthetic Finland (organisations spread by population, "
        "federations, cooperation bodies, memberships over the years) as Popolo JSON."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="where to write the Popolo JSON")
        parser.add_argument("--organizations", type=int, default=120_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, file: str, organizations: int, seed: int, **options) -> None:
        if organizations < 1000:
            raise CommandError(
                "--organizations must be at least 1000 (the national bodies alone take about 700)."
            )
        path = Path(file)
        path.parent.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        partial = path.with_name(path.name + ".partial")
        with partial.open("w", encoding="utf-8") as out:
            counts = write_dataset(out, organizations, seed)
        partial.replace(path)  # never leave a half-written file under the real name
        self.stdout.write(
            f"Wrote {path} ({path.stat().st_size / 1e6:.1f} MB) in "
            f"{time.perf_counter() - start:.1f} s: {counts.organizations} organisations "
            f"({counts.bodies} cooperation bodies), {counts.persons} persons, {counts.posts} "
            f"posts, {counts.memberships} memberships, {counts.events} activities and events."
        )
