from django.core.management.base import BaseCommand

from jarjestokartta.geography.models import Area, AreaLink
from jarjestokartta.geography.reference import DATA_FILE, load_reference_geography, read_data


class Command(BaseCommand):
    help = "Create or update the reference geography (municipalities, regions, counties)."

    def handle(self, *args, **options) -> None:
        data = read_data()
        counts = load_reference_geography(Area, AreaLink, data)
        self.stdout.write(
            f"{DATA_FILE.name} (version {data['version']}): {counts['municipalities']} "
            f"municipalities, {counts['regions']} regions, "
            f"{counts['wellbeing_counties']} wellbeing services counties."
        )
