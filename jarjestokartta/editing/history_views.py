"""An organisation's history, field by field, and restoring an earlier version."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jarjestokartta.core.addresses import site_root
from jarjestokartta.directory.models import Organization
from jarjestokartta.editing import services
from jarjestokartta.editing.models import Version
from jarjestokartta.editing.queries import history_of
from jarjestokartta.roles.permissions import Action, can, require


@login_required
def organization_history(request: HttpRequest, slug: str) -> HttpResponse:
    """For the people who keep the page: it names who changed what."""
    org = get_object_or_404(Organization, slug=slug)
    require(request.user, Action.EDIT_ORGANIZATION, org)
    return render(request, "editing/history.html", {"org": org, "entries": history_of(org)})


@login_required
@require_POST
def version_restore(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    org = get_object_or_404(Organization, slug=slug)
    require(request.user, Action.EDIT_ORGANIZATION, org)
    version = get_object_or_404(Version, pk=pk, organization_key=org.pk)
    try:
        outcome = services.version_restore(
            version=version, user=request.user, base_url=site_root(request)
        )
    except services.EditError as error:
        messages.error(request, str(error))
        return redirect("organization-history", slug=org.slug)
    if outcome.queued:
        messages.success(request, _("The restore waits for the coordinator's review."))
    else:
        messages.success(request, _("The earlier version was restored as a new change."))
    return redirect("organization-history", slug=org.slug)


def _as_it_was(version: Version) -> Organization:
    """An unsaved organisation standing for a deleted one, for the permission check (whose
    region it was in)."""
    return Organization(name=version.name, area_id=version.document.get("area"))


@login_required
def deleted_organizations(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.REVIEW_CHANGES)
    versions = Version.objects.filter(is_deletion=True, organization__isnull=True).select_related(
        "user"
    )
    mine = [
        v
        for v in versions.order_by("-pk")
        if can(request.user, Action.REVIEW_CHANGES, _as_it_was(v))
    ]
    return render(request, "editing/deleted.html", {"versions": mine})


@login_required
@require_POST
def organization_undelete(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_object_or_404(Version, pk=pk, is_deletion=True)
    require(request.user, Action.REVIEW_CHANGES, _as_it_was(version))
    try:
        org = services.organization_undelete(version=version, user=request.user)
    except services.EditError as error:
        messages.error(request, str(error))
        return redirect("deleted-organizations")
    messages.success(request, _("%(name)s was restored.") % {"name": org.name})
    return redirect(org)
