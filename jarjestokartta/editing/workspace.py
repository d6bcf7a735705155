"""The coordinator's workspace: what waits (editor requests, changes), the organisations whose
data is old or that nobody keeps, and what changed lately in the region."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jarjestokartta.core.addresses import site_root
from jarjestokartta.core.outbox import send_later
from jarjestokartta.directory.models import Organization
from jarjestokartta.editing.models import Version
from jarjestokartta.editing.queries import open_change_sets
from jarjestokartta.roles.models import OrganizationEditor
from jarjestokartta.roles.permissions import Action, require
from jarjestokartta.roles.queries import organizations_coordinated_by, pending_editor_requests

SHOWN = 20  # of each list; the counts say how many there are in all
STALE_AFTER = timedelta(days=365)


def not_verified(orgs: QuerySet[Organization]) -> QuerySet[Organization]:
    """Not checked against their source for twelve months, or never."""
    limit = timezone.localdate() - STALE_AFTER
    return orgs.filter(Q(last_verified__isnull=True) | Q(last_verified__lt=limit))


@login_required
def coordinator_home(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.DECIDE_EDITOR_REQUEST)
    mine = organizations_coordinated_by(request.user)
    stale = not_verified(mine).select_related("area").order_by("last_verified", "name")
    orphans = mine.exclude(pk__in=OrganizationEditor.objects.values("organization_id"))
    recent = (
        Version.objects.filter(organization__in=mine.values("pk"), user__isnull=False)
        .select_related("user", "organization")
        .order_by("-pk")[:SHOWN]
    )
    return render(
        request,
        "editing/workspace.html",
        {
            "editor_requests": pending_editor_requests(request.user),
            "waiting": open_change_sets(request.user).count(),
            "stale": stale[:SHOWN],
            "stale_count": stale.count(),
            "orphans": orphans.select_related("area").order_by("name")[:SHOWN],
            "orphan_count": orphans.count(),
            "recent": recent,
        },
    )


@login_required
@require_POST
def remind_editors(request: HttpRequest, slug: str) -> HttpResponse:
    """A mail to the organisation's editors asking them to check its data."""
    org = get_object_or_404(Organization, slug=slug)
    require(request.user, Action.MARK_VERIFIED, org)
    addresses = list(org.editors.values_list("user__email", flat=True))
    if not addresses:
        messages.error(request, _("The organisation has no editors to remind."))
    else:
        send_later(
            to=addresses,
            template="editing/mail/reminder",
            context={
                "organization": org,
                "edit_url": site_root(request) + f"/jarjestot/{org.slug}/muokkaa/",
                "coordinator": request.user,
            },
        )
        messages.success(
            request,
            _("A reminder was sent to %(count)s editors of %(name)s.")
            % {"count": len(addresses), "name": org.name},
        )
    return redirect("coordinator")
