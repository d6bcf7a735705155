"""What spans the chunks of a collection read a chunk at a time (parsing.CHUNKED): references
to records of a later chunk, circles through several chunks, and the records that must wait to
be written until what they point at is.

A collection read whole needs none of this: its references are checked all at once
(rules.Document) and it is written in layers (creating.layers). An event's super_event_id may
name an umbrella event further down the file; the event is then checked when the file has
been read to its end, and written when its umbrella is. Pure Python, no Django.
"""

from jarjestokartta.popolo.fieldmap import self_reference
from jarjestokartta.popolo.parsing import CHUNKED
from jarjestokartta.popolo.records import MODELS, Record
from jarjestokartta.popolo.rules import Document, missing_reference, ordered, where


class Spanning:
    """One collection's rules across its chunks, fed each chunk in file order."""

    def __init__(self, collection: str) -> None:
        self.collection = collection
        # None for a collection read whole: then nothing is deferred and nothing waits.
        chunked = collection in CHUNKED
        self.field = self_reference(MODELS[collection], collection) if chunked else None
        # Ids referenced by earlier chunks, neither in the file so far nor in the database:
        # the problems to report if no later chunk defines them.
        self.awaited: dict[str, list[str]] = {}
        # Every record's reference with its chunk's number, for circles through chunks.
        self.links: dict[str, tuple[str, int]] = {}
        self.chunk = 0
        self.waiting: list[Record] = []  # records held back from writing, in file order

    def later(self, part: Document, missing: set[str]) -> set[str]:
        """Of the collection's own ids that the chunk `part` references and that are neither
        defined so far nor in the database (`missing`), those that a later chunk may define:
        they are taken as known until the collection ends (see problems())."""
        if self.field is None or not missing:
            return set()
        by_id = part.references()[self.collection]
        for ref_id in missing:
            self.awaited.setdefault(ref_id, []).extend(
                f"{where(record)}: {field}" for record, field in by_id.get(ref_id, ())
            )
        return missing

    def read(self, items: list[Record]) -> None:
        """A chunk has been read and checked: its records are defined from now on."""
        self.chunk += 1
        if self.field is None:
            return
        for record in items:
            self.awaited.pop(record.id, None)
            target = getattr(record, self.field)
            if target is not None:
                self.links[record.id] = (target, self.chunk)

    def problems(self) -> list[str]:
        """At the collection's end: references never defined, circles through chunks (a
        circle within one chunk is that chunk's problem, rules.Document.cycle_problems)."""
        found = [
            missing_reference(user, self.collection, ref_id)
            for ref_id, users in self.awaited.items()
            for user in users
        ]
        return found + [
            f"{self.collection} id={record_id!r}: {self.field}: goes round in a circle"
            for record_id in self._circles_through_chunks()
        ]

    def _circles_through_chunks(self) -> list[str]:
        circled = ordered(
            [_Link(record_id, target) for record_id, (target, _) in self.links.items()],
            "target",
            cycles=True,
        )
        # The members of each circle come in a row: a circle is reported here when its
        # members are not all of one chunk.
        found: list[str] = []
        circle: list[str] = []
        for link in circled:
            circle.append(link.id)
            if self.links[link.id][0] == circle[0]:  # back where it started
                if len({self.links[member][1] for member in circle}) > 1:
                    found += circle
                circle = []
        return found

    def writable(self, items: list[Record], written: set[str] | dict[str, int]) -> list[Record]:
        """Of the records waiting and this chunk's, those that can be written now, in order:
        what each points at is written already (`written`: ids with their pks), in the
        database, or among these and writable. The others wait for a later chunk."""
        candidates = self.waiting + items
        if self.field is None:
            self.waiting = []
            return candidates
        here = {record.id for record in candidates}
        ready: set[str] = set()
        for record in ordered(candidates, self.field):
            target = getattr(record, self.field)
            if (
                target is None
                or target in ready
                or (target not in here and (target in written or target not in self.awaited))
            ):
                ready.add(record.id)
        self.waiting = [record for record in candidates if record.id not in ready]
        return [record for record in candidates if record.id in ready]


class _Link:
    """A record's reference alone, as rules.ordered reads it."""

    __slots__ = ("id", "target")

    def __init__(self, record_id: str, target: str) -> None:
        self.id = record_id
        self.target = target
