"""Filling a benchmark database: demo data, the relevance corpus and synthetic filler."""

from collections.abc import Callable

from django.db import transaction
from django.utils.text import slugify

from jarjestokartta.bench import synthetic
from jarjestokartta.directory.models import Organization, TargetGroup, Theme
from jarjestokartta.geography.models import Area, AreaKind
from jarjestokartta.popolo.importer import popolo_import
from jarjestokartta.search.index import index_organizations
from jarjestokartta.search.tests.relevance.corpus import corpus_json

BATCH = 5000


def load_known(demo_text: str) -> None:
    """The demo structures and the relevance corpus, so that the relevance queries apply."""
    popolo_import(demo_text)
    popolo_import(corpus_json())


def add_synthetic(
    total: int, seed: int, progress: Callable[[int], None] = lambda n: None
) -> list[int]:
    """Add synthetic organisations until there are `total`; returns their primary keys.

    Written with bulk inserts and no history rows: this is benchmark filler, not user data.
    """
    missing = total - Organization.objects.count()
    if missing <= 0:
        return []
    municipalities = {
        area.code: area for area in Area.objects.filter(classification=AreaKind.MUNICIPALITY)
    }
    towns = sorted((code, area.name) for code, area in municipalities.items())
    themes = {
        name: Theme.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
        for name in synthetic.THEMES
    }
    groups = {
        name: TargetGroup.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
        for name in synthetic.TARGET_GROUPS
    }
    created: list[int] = []
    batch: list[tuple[Organization, synthetic.Synthetic]] = []

    def flush() -> None:
        with transaction.atomic():
            orgs = Organization.objects.bulk_create([org for org, _ in batch])
            Organization.themes.through.objects.bulk_create(
                Organization.themes.through(organization_id=org.pk, theme_id=themes[s.theme].pk)
                for org, (_, s) in zip(orgs, batch, strict=True)
            )
            Organization.target_groups.through.objects.bulk_create(
                Organization.target_groups.through(
                    organization_id=org.pk, targetgroup_id=groups[s.target_group].pk
                )
                for org, (_, s) in zip(orgs, batch, strict=True)
            )
        created.extend(org.pk for org in orgs)
        progress(len(batch))
        batch.clear()

    for item in synthetic.organizations(missing, towns, seed):
        org = Organization(
            popolo_id=f"syn-{seed}-{item.number}",
            slug=f"syn-{seed}-{item.number}",
            name=item.name,
            classification=item.classification,
            area=municipalities[item.municipality_code],
            abstract=item.abstract,
            founding_date=str(item.founding_year),
            dissolution_date=str(item.founding_year + 10) if item.dissolved else "",
            source="synthetic benchmark data",
        )
        org.derive_active_days()
        batch.append((org, item))
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    return created


def index(pks: list[int], progress: Callable[[int], None] = lambda n: None) -> int:
    return index_organizations(pks, progress)
