"""The coordinator's queue of change sets and corrections, and the review of one."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from jarjestokartta.core.addresses import site_root
from jarjestokartta.directory.models import Organization
from jarjestokartta.editing import services
from jarjestokartta.editing.document import diff, label, snapshot
from jarjestokartta.editing.models import ChangeSet
from jarjestokartta.editing.queries import open_change_sets
from jarjestokartta.roles.permissions import Action, require


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason, sent to the editor"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Tell the editor why the change was rejected.")},
    )


@login_required
def change_queue(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.REVIEW_CHANGES)
    change_sets = list(open_change_sets(request.user))
    for change_set in change_sets:
        change_set.labels = [label(key) for key in change_set.after]
    return render(request, "editing/queue.html", {"change_sets": change_sets})


@login_required
@require_http_methods(["GET", "POST"])
def change_review(request: HttpRequest, pk: int) -> HttpResponse:
    change_set = get_object_or_404(
        ChangeSet.objects.select_related("organization", "author", "reviewed_by"), pk=pk
    )
    org = change_set.organization
    require(request.user, Action.REVIEW_CHANGES, org)
    reject_form = RejectForm(request.POST if request.POST.get("action") == "reject" else None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "approve":
                services.change_approve(
                    change_set=change_set, reviewer=request.user, base_url=site_root(request)
                )
                messages.success(request, _("Approved; the editor was told."))
                return redirect("change-queue")
            if reject_form.is_valid():
                services.change_reject(
                    change_set=change_set,
                    reviewer=request.user,
                    reason=reject_form.cleaned_data["reason"],
                    base_url=site_root(request),
                )
                messages.success(request, _("Rejected; the editor was told why."))
                return redirect("change-queue")
        except services.EditError as error:
            messages.error(request, str(error))
            return redirect("change-review", pk=change_set.pk)
    if change_set.status == ChangeSet.Status.PENDING:
        current = snapshot(org)
        changes = diff(current, {**current, **change_set.after})
    else:
        changes = diff(change_set.before, change_set.after)
    return render(
        request,
        "editing/review.html",
        {"change_set": change_set, "org": org, "changes": changes, "reject_form": reject_form},
        status=400 if reject_form.errors else 200,
    )


@login_required
@require_POST
def trust_toggle(request: HttpRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(Organization, slug=slug)
    require(request.user, Action.MARK_TRUSTED, org)
    trusted = request.POST.get("trusted") == "1"
    services.trust_set(organization=org, trusted=trusted, user=request.user)
    if trusted:
        messages.success(request, _("The organisation's edits now publish at once."))
    else:
        messages.success(request, _("The organisation's edits now wait for review."))
    return redirect(org)
