"""What the index holds for an organisation: analysed terms by field, and facet values."""

from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache

from django.utils import translation

from jarjestokartta.core.bulk import among
from jarjestokartta.directory.models import Organization, OtherName
from jarjestokartta.geography.models import Area, AreaKind, AreaLink
from jarjestokartta.search import analysis


@dataclass
class Built:
    title: str
    popolo_id: str
    slug: str
    abstract: str
    area_name: str
    name_terms: str
    other_terms: str
    body_terms: str
    place_terms: str
    is_active: bool
    facets: list[tuple[str, str]] = field(default_factory=list)
    first_day: date | None = None  # an event's dates (event_documents.py)
    last_day: date | None = None

    def all_terms(self) -> set[str]:
        return set(
            f"{self.name_terms} {self.other_terms} {self.body_terms} {self.place_terms}".split()
        )


class AreaContext:
    """Area names and current regions, loaded once for a batch of documents (two queries)."""

    def __init__(self, day: date) -> None:
        self.areas = {area.pk: area for area in Area.objects.all()}
        self.regions: dict[int, set[int]] = {}
        for area_id, parent_id in (
            AreaLink.objects.active_on(day)
            .filter(parent__classification=AreaKind.REGION)
            .values_list("area", "parent")
        ):
            self.regions.setdefault(area_id, set()).add(parent_id)
        self._terms: dict[int, list[str]] = {}

    def regions_of(self, area_id: int) -> set[int]:
        area = self.areas[area_id]
        if area.classification == AreaKind.REGION:
            return {area_id}
        return self.regions.get(area_id, set())

    def terms_of(self, area_id: int) -> list[str]:
        if area_id not in self._terms:
            area = self.areas[area_id]
            self._terms[area_id] = analysis.terms_of([(area.name, "fi"), (area.name_sv, "sv")])
        return self._terms[area_id]


@dataclass
class Source:
    """What an organisation's document is built from, read as plain rows.

    Reading model instances with prefetch_related built a queryset per organisation and
    relation: a third of the time of indexing a national import.
    """

    pk: int
    name: str
    name_sv: str
    name_en: str
    classification: str
    area_id: int | None
    abstract: str
    description: str
    popolo_id: str
    slug: str
    active_until: date | None
    other_names: list[str] = field(default_factory=list)
    themes: list[tuple[int, str]] = field(default_factory=list)
    target_groups: list[tuple[int, str]] = field(default_factory=list)
    operating_area_ids: list[int] = field(default_factory=list)


SOURCE_FIELDS = [f.name for f in fields(Source)][:11]


def load_sources(pks: list[int]) -> dict[int, Source]:
    """The sources of these organisations (sorted pks), each list in its model's order."""
    sources = {
        row[0]: Source(*row)
        for row in Organization.objects.filter(among("pk", pks)).values_list(*SOURCE_FIELDS)
    }
    for org_id, name in (
        OtherName.objects.filter(among("organization", pks))
        .order_by("id")
        .values_list("organization", "name")
    ):
        sources[org_id].other_names.append(name)
    for relation, attribute in (
        (Organization.themes, "themes"),
        (Organization.target_groups, "target_groups"),
    ):
        through = relation.through
        owner = relation.field.m2m_field_name()
        term = relation.field.m2m_reverse_field_name()
        for org_id, term_id, name in (
            through.objects.filter(among(owner, pks))
            .order_by(f"{term}__name")
            .values_list(owner, term, f"{term}__name")
        ):
            getattr(sources[org_id], attribute).append((term_id, name))
    operating = Organization.operating_areas.through
    for org_id, area_id in operating.objects.filter(among("organization", pks)).values_list(
        "organization", "area"
    ):
        sources[org_id].operating_area_ids.append(area_id)
    return sources


@cache
def _kind_names() -> dict[str, str]:
    # The kind's Finnish name is searchable: "hanke Kuopio", "verkosto". Read once: translating
    # the labels for every organisation took a tenth of the time of indexing.
    with translation.override("fi"):
        return {kind.value: str(kind.label) for kind in Organization.Kind}


def build_organization(org: Source, areas: AreaContext, day: date) -> Built:
    kinds = _kind_names()
    themes, groups = org.themes, org.target_groups
    area_ids = set(org.operating_area_ids)
    if org.area_id:
        area_ids.add(org.area_id)
    region_ids = set().union(*(areas.regions_of(pk) for pk in area_ids)) if area_ids else set()

    place_terms: dict[str, None] = {}
    for area_id in sorted(area_ids | region_ids):
        place_terms.update(dict.fromkeys(areas.terms_of(area_id)))

    facets = [("classification", org.classification)]
    facets += [("region", str(pk)) for pk in sorted(region_ids)]
    facets += [
        ("municipality", str(pk))
        for pk in sorted(area_ids)
        if areas.areas[pk].classification == AreaKind.MUNICIPALITY
    ]
    facets += [("theme", str(pk)) for pk, _name in themes]
    facets += [("target_group", str(pk)) for pk, _name in groups]

    body = [org.abstract, org.description, kinds[org.classification]]
    body += [name for _pk, name in themes] + [name for _pk, name in groups]
    return Built(
        title=org.name,
        popolo_id=org.popolo_id,
        slug=org.slug,
        abstract=org.abstract,
        area_name=areas.areas[org.area_id].name if org.area_id else "",
        name_terms=" ".join(
            analysis.terms_of([(org.name, "fi"), (org.name_sv, "sv"), (org.name_en, "en")])
        ),
        other_terms=" ".join(analysis.terms_of((name, "fi") for name in org.other_names)),
        body_terms=" ".join(analysis.terms_of((text, "fi") for text in body)),
        place_terms=" ".join(place_terms),
        is_active=org.active_until is None or org.active_until >= day,
        facets=facets,
    )
