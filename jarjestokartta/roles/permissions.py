"""Who may do what, in one place: every view that changes data asks `can()` or `require()`.

Four personas: anyone (no account needed), an organisation's editor, the coordinator of the
region the organisation is at home in, and the administrator (a superuser), who may do
everything. An organisation's region is the region of its home municipality today (or its home
area itself when that is a region, or the region of the municipality a city district is in); an
organisation with no home area is the administrators' alone. Operating areas do not count: each
organisation has exactly one coordinating region, so two coordinators never decide the same
thing differently.

Cost, pinned in tests/test_permission_queries.py: the user's roles are read once per request
(two queries, none for anonymous users and administrators) and each organisation's region once
(one query), however many checks a page makes.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone

from jarjestokartta.directory.models import Organization
from jarjestokartta.geography.models import Area, AreaKind, AreaLink
from jarjestokartta.roles.models import OrganizationEditor, RegionalCoordinator


class Action(StrEnum):
    PROPOSE_CORRECTION = "propose_correction"
    REQUEST_EDITOR_ROLE = "request_editor_role"
    EDIT_ORGANIZATION = "edit_organization"  # its fields and child rows
    EDIT_EVENTS = "edit_events"  # its activities and events
    INVITE_EDITOR = "invite_editor"
    DECIDE_EDITOR_REQUEST = "decide_editor_request"
    REVIEW_CHANGES = "review_changes"
    MARK_VERIFIED = "mark_verified"
    MARK_TRUSTED = "mark_trusted"
    EDIT_ROSTER = "edit_roster"  # a body's seats and memberships
    MANAGE_PERSONS = "manage_persons"  # consent, export and erasure of a body's members


class Persona(StrEnum):
    ANYONE = "anyone"
    SIGNED_IN = "signed_in"
    EDITOR = "editor"
    COORDINATOR = "coordinator"


# Who may, besides the administrator, who may do everything.
WHO_MAY: dict[Action, frozenset[Persona]] = {
    Action.PROPOSE_CORRECTION: frozenset({Persona.ANYONE}),
    Action.REQUEST_EDITOR_ROLE: frozenset({Persona.SIGNED_IN}),
    Action.EDIT_ORGANIZATION: frozenset({Persona.EDITOR, Persona.COORDINATOR}),
    Action.EDIT_EVENTS: frozenset({Persona.EDITOR, Persona.COORDINATOR}),
    Action.INVITE_EDITOR: frozenset({Persona.EDITOR, Persona.COORDINATOR}),
    Action.DECIDE_EDITOR_REQUEST: frozenset({Persona.COORDINATOR}),
    Action.REVIEW_CHANGES: frozenset({Persona.COORDINATOR}),
    Action.MARK_VERIFIED: frozenset({Persona.COORDINATOR}),
    Action.MARK_TRUSTED: frozenset({Persona.COORDINATOR}),
    Action.EDIT_ROSTER: frozenset({Persona.COORDINATOR}),
    Action.MANAGE_PERSONS: frozenset({Persona.COORDINATOR}),
}


@dataclass(frozen=True)
class Roles:
    is_authenticated: bool = False
    is_admin: bool = False
    editor_of: frozenset[int] = frozenset()
    coordinator_of: frozenset[int] = frozenset()

    @property
    def is_coordinator(self) -> bool:
        return bool(self.coordinator_of)


_NO_ROLES = Roles()


def roles_of(user) -> Roles:
    """The user's roles, read once and kept on the user object for the rest of the request."""
    if not user.is_authenticated:
        return _NO_ROLES
    cached = getattr(user, "_jk_roles", None)
    if cached is None:
        if user.is_superuser:
            cached = Roles(is_authenticated=True, is_admin=True)
        else:
            cached = Roles(
                is_authenticated=True,
                editor_of=frozenset(
                    OrganizationEditor.objects.filter(user=user).values_list(
                        "organization_id", flat=True
                    )
                ),
                coordinator_of=frozenset(
                    RegionalCoordinator.objects.filter(user=user).values_list(
                        "region_id", flat=True
                    )
                ),
            )
        user._jk_roles = cached
    return cached


def forget_roles(user) -> None:
    """After a role was granted or taken away within the same request."""
    # An attribute, not __dict__: request.user is a lazy object that passes it on.
    if hasattr(user, "_jk_roles"):
        del user._jk_roles


def region_id_of(organization: Organization, day: date | None = None) -> int | None:
    """The region that coordinates the organisation: its home area's region today. One query,
    remembered on the organisation object."""
    if organization.area_id is None:
        return None
    cached = organization.__dict__.get("_jk_region_id", False)
    if cached is not False:
        return cached
    day = day or timezone.localdate()
    home = organization.area_id
    # The home area's region, or, for an area within a municipality (a city district), its
    # municipality's region.
    links = AreaLink.objects.active_on(day).filter(Q(area_id=home) | Q(area__children__pk=home))
    region_id = (
        Area.objects.filter(classification=AreaKind.REGION)
        .filter(Q(pk=home) | Q(children__pk=home) | Q(pk__in=links.values("parent")))
        .values_list("pk", flat=True)
        .first()
    )
    organization.__dict__["_jk_region_id"] = region_id
    return region_id


def personas(user, organization: Organization | None = None) -> set[Persona]:
    """What the user is with respect to the organisation (or anywhere, without one)."""
    roles = roles_of(user)
    found = {Persona.ANYONE}
    if not roles.is_authenticated:
        return found
    found.add(Persona.SIGNED_IN)
    if organization is None:
        if roles.editor_of:
            found.add(Persona.EDITOR)
        if roles.coordinator_of:
            found.add(Persona.COORDINATOR)
        return found
    if organization.pk in roles.editor_of:
        found.add(Persona.EDITOR)
    if roles.coordinator_of and region_id_of(organization) in roles.coordinator_of:
        found.add(Persona.COORDINATOR)
    return found


def can(user, action: Action, organization: Organization | None = None) -> bool:
    """May the user do this to this organisation (its page, child rows, activities, a body's
    roster)? Without an organisation: may they do it to any organisation at all (whether to
    show them a coordinator's dashboard, for instance)."""
    if roles_of(user).is_admin:
        return True
    return bool(WHO_MAY[action] & personas(user, organization))


def require(user, action: Action, organization: Organization | None = None) -> None:
    """Raise PermissionDenied (a 403 page) unless `can()`."""
    if not can(user, action, organization):
        raise PermissionDenied


def coordinated_region_ids(user) -> frozenset[int] | None:
    """The regions whose data the user curates; None for an administrator (all of them)."""
    roles = roles_of(user)
    return None if roles.is_admin else roles.coordinator_of
