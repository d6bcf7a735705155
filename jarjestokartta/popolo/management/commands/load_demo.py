from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from jarjestokartta.directory.models import Organization

DEMO_FILE = Path(settings.BASE_DIR) / "demo" / "structures.popolo.json"


class Command(BaseCommand):
    help = (
        "Import the demo structures, but only into a database with no organisations yet: "
        "`make run` calls this on every start and must never overwrite an editor's work."
    )

    def handle(self, *args: str, **options: object) -> None:
        if Organization.objects.exists():
            self.stdout.write("The database already holds organisations; demo data not loaded.")
            return
        call_command("import_popolo", str(DEMO_FILE), "--no-progress", stdout=self.stdout)
