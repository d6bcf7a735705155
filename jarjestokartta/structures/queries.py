"""Reads of the cooperation structures: who sits where, as of a day."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from jarjestokartta.directory.models import Organization
from jarjestokartta.structures.models import Membership, Post, Role

# Roles that say how organisations relate to a body rather than who sits in it.
RELATION_ROLES = [
    Role.APPOINTING_BODY,
    Role.COORDINATOR,
    Role.SECRETARIAT,
    Role.ADMINISTRATOR,
    Role.FUNDER,
]
SEAT_ROLES = [role for role in Role if role not in RELATION_ROLES]


def _memberships() -> QuerySet[Membership]:
    return Membership.objects.select_related(
        "person", "member_organization", "on_behalf_of", "post", "appointed_by"
    )


@dataclass
class Seat:
    """A member with the deputies who stand in for them, side by side."""

    membership: Membership
    deputies: list[Membership] = field(default_factory=list)


@dataclass
class Roster:
    day: date
    relations: dict[str, list[Membership]]  # role -> memberships, in RELATION_ROLES order
    members: dict[str, list[Seat]]  # role (or other:word) -> seats, in Role order
    posts: list[tuple[Post, list[Membership]]]  # seat -> its holders on the day

    @property
    def is_empty(self) -> bool:
        return not (self.relations or self.members or self.posts)


def roster(body: Organization, day: date) -> Roster:
    """The body's relations and members on the given day (two queries)."""
    active = list(_memberships().filter(organization=body).active_on(day))
    by_id = {m.pk: m for m in active}
    seats: dict[int, Seat] = {}
    for membership in active:
        if membership.role in RELATION_ROLES:
            continue
        if membership.deputy_of_id in by_id:
            continue
        seats[membership.pk] = Seat(membership)
    for membership in active:
        if membership.deputy_of_id in seats:
            seats[membership.deputy_of_id].deputies.append(membership)

    relations = {
        role: [m for m in active if m.role == role]
        for role in RELATION_ROLES
        if any(m.role == role for m in active)
    }
    members: dict[str, list[Seat]] = {}
    for role in SEAT_ROLES:
        for seat in seats.values():
            if seat.membership.role == role:
                members.setdefault(_heading(seat.membership), []).append(seat)

    posts = list(Post.objects.filter(organization=body).active_on(day).order_by("label"))
    holders = {post.pk: [] for post in posts}
    for membership in active:
        if membership.post_id in holders:
            holders[membership.post_id].append(membership)
    return Roster(
        day=day,
        relations=relations,
        members=members,
        posts=[(post, holders[post.pk]) for post in posts],
    )


def _heading(membership: Membership) -> str:
    """Roles we do not know are listed under their own words ("valmistelija", "järjestäjä"),
    not together as "other"."""
    if membership.role == Role.OTHER and membership.role_as_written:
        return f"{Role.OTHER}:{membership.role_as_written.casefold()}"
    return membership.role


def seat_history(body: Organization) -> list[tuple[Post, list[Membership]]]:
    """Every seat of the body with everyone who has held it, earliest first (two queries)."""
    posts = list(Post.objects.filter(organization=body).order_by("label"))
    held: dict[int, list[Membership]] = {post.pk: [] for post in posts}
    for membership in _memberships().filter(post__in=posts).order_by("active_from", "pk"):
        held[membership.post_id].append(membership)
    return [(post, held[post.pk]) for post in posts]


def dated_range(body: Organization) -> tuple[date | None, date | None]:
    """The first and last day any membership of the body is known to start or end."""
    days = [
        day
        for pair in Membership.objects.filter(organization=body).values_list(
            "active_from", "active_until"
        )
        for day in pair
        if day
    ]
    return (min(days), max(days)) if days else (None, None)


def involvements(org: Organization, day: date) -> dict[str, list[Membership]]:
    """Where the organisation takes part on the day, and who represents it where."""
    return {
        "member_of": list(
            _memberships()
            .select_related("organization")
            .filter(member_organization=org)
            .active_on(day)
            .order_by("organization__name")
        ),
        "represented_by": list(
            _memberships()
            .select_related("organization")
            .filter(on_behalf_of=org)
            .exclude(member_organization=org)
            .active_on(day)
            .order_by("organization__name")
        ),
    }
