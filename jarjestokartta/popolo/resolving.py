"""What an import looks up as it writes: records by Popolo id, areas by id or alias, taxonomy
terms by name, free slugs. Each is asked of the database once and then remembered."""

from typing import overload

from django.db.models import Model
from django.utils.text import slugify

from jarjestokartta.directory.models import Organization, Term
from jarjestokartta.events.models import Event
from jarjestokartta.geography.models import Area, AreaAlias
from jarjestokartta.structures.models import Membership, Person, Post

# A row of one of the tables below.
Row = Organization | Person | Post | Membership | Event
# The collections whose records are found by Popolo id in one table (areas also have aliases).
TABLES: dict[str, type[Row]] = {
    "organizations": Organization,
    "persons": Person,
    "posts": Post,
    "memberships": Membership,
    "events": Event,
}


class Slugs:
    """Unique slugs for one model, looked up once rather than per record."""

    def __init__(self, model: type[Model]) -> None:
        self.taken = set(model._default_manager.values_list("slug", flat=True))

    def make(self, name: str, fallback: str) -> str:
        base = slugify(name)[:180] or fallback
        slug, number = base, 2
        while slug in self.taken:
            slug, number = f"{base}-{number}", number + 1
        self.taken.add(slug)
        return slug


class Resolver:
    """Primary keys of the records a file refers to: those it created, those that exist."""

    def __init__(self) -> None:
        self.areas: dict[str, Area] = {}
        self.pks: dict[str, dict[str, int]] = {collection: {} for collection in TABLES}
        self.terms: dict[type[Term], dict[str, Term]] = {}
        self._slugs: dict[type[Model], Slugs] = {}

    @overload
    def area(self, ref: str) -> Area: ...
    @overload
    def area(self, ref: None) -> None: ...
    @overload
    def area(self, ref: str | None) -> Area | None: ...
    def area(self, ref: str | None) -> Area | None:
        if ref is None:
            return None
        if ref not in self.areas:
            alias = AreaAlias.objects.select_related("area").filter(popolo_id=ref).first()
            self.areas[ref] = alias.area if alias else Area.objects.get(popolo_id=ref)
        return self.areas[ref]

    def area_pk(self, ref: str | None) -> int | None:
        area = self.area(ref)
        return area.pk if area else None

    def pk(self, collection: str, ref: str | None) -> int | None:
        if ref is None:
            return None
        if collection == "areas":
            return self.area_pk(ref)
        known = self.pks[collection]
        if ref not in known:
            table = TABLES[collection]._default_manager
            known[ref] = table.values_list("pk", flat=True).get(popolo_id=ref)
        return known[ref]

    def canonical_area_id(self, ref: str | None) -> str | None:
        """The id we export for an area the file may name by an alias."""
        area = self.area(ref)
        return area.popolo_id if area else None

    def term(self, model: type[Term], name: str) -> Term:
        """A taxonomy term by its Finnish name; a name not yet known is added."""
        if model not in self.terms:  # read once: setdefault would query on every call
            self.terms[model] = {t.name: t for t in model._default_manager.all()}
        cache = self.terms[model]
        if name not in cache:
            cache[name] = model._default_manager.create(
                name=name, slug=self.slugs(model).make(name, "aihe")
            )
        return cache[name]

    def slugs(self, model: type[Model]) -> Slugs:
        if model not in self._slugs:
            self._slugs[model] = Slugs(model)
        return self._slugs[model]
