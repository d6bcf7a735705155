"""Areas of a file matched to the reference geography, or kept as areas of their own.

The reference geography (municipalities, regions, wellbeing services counties) is ours: an area
of a file that is one of them — by its official code, or by its exact name — becomes an alias of
it, and the reference area is never changed by a file. Other areas are created or updated.
"""

from collections.abc import Callable

from jarjestokartta.geography.models import Area, AreaAlias
from jarjestokartta.popolo import exporter
from jarjestokartta.popolo.mapping import columns
from jarjestokartta.popolo.records import Area as AreaRecord
from jarjestokartta.popolo.resolving import Resolver
from jarjestokartta.popolo.rules import ordered
from jarjestokartta.popolo.updating import canonical

REFERENCE_SCHEMES = {scheme: kind for kind, scheme in Area.CODE_SCHEMES.items()}


def write_areas(items: list[AreaRecord], resolver: Resolver, count: Callable[[str], None]) -> None:
    reference = {
        (area.classification, area.code): area for area in Area.objects.filter(is_reference=True)
    }
    by_name: dict[str, list[Area]] = {}
    for known in reference.values():
        by_name.setdefault(known.name, []).append(known)
    for record in ordered(items, "parent_id"):
        area = _find(record, resolver, reference, by_name)
        if area is not None and area.is_reference:
            resolver.areas[record.id] = area
            if record.id != area.popolo_id:
                AreaAlias.objects.update_or_create(popolo_id=record.id, defaults={"area": area})
            count("matched")
            continue
        comparable = canonical(record, resolver)
        if area is not None and exporter.area_record(area) == comparable.normal_form():
            resolver.areas[record.id] = area
            count("unchanged")
            continue
        outcome = "updated" if area else "created"
        if area is None:
            area = Area(popolo_id=record.id, slug=resolver.slugs(Area).make(record.name, "alue"))
        for name, value in columns(record, resolver).items():
            setattr(area, name, value)
        area.save()
        resolver.areas[record.id] = area
        count(outcome)


def _find(
    record: AreaRecord,
    resolver: Resolver,
    reference: dict[tuple[str, str], Area],
    by_name: dict[str, list[Area]],
) -> Area | None:
    try:
        return resolver.area(record.id)
    except Area.DoesNotExist:
        pass
    for item in record.identifiers:
        kind = REFERENCE_SCHEMES.get(item.scheme)
        if kind and (kind, item.identifier) in reference:
            return reference[(kind, item.identifier)]
    candidates = by_name.get(record.name, [])
    same_kind = [area for area in candidates if area.classification == record.classification]
    if len(same_kind) == 1:
        return same_kind[0]
    return candidates[0] if len(candidates) == 1 else None
