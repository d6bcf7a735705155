"""Editing an organisation in the site's own forms: the form, its preview, the submission, and
the page that merges two people's edits of the same fields."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from jarjestokartta.core.addresses import site_root
from jarjestokartta.directory.models import Organization
from jarjestokartta.editing import drafts, services
from jarjestokartta.editing.document import (
    ALWAYS_REVIEWED,
    changed_keys,
    diff,
    names_for,
    shown,
    snapshot,
)
from jarjestokartta.editing.forms import OrganizationForm, row_formsets
from jarjestokartta.editing.models import ChangeSet, TrustedOrganization
from jarjestokartta.roles.permissions import Action, can, require


def _organization(request: HttpRequest, slug: str) -> Organization:
    org = get_object_or_404(Organization.objects.select_related("area"), slug=slug)
    require(request.user, Action.EDIT_ORGANIZATION, org)
    return org


def _change_set_to_edit(request: HttpRequest, org: Organization, pk) -> ChangeSet | None:
    """'Muokkaa ja hyväksy': a coordinator edits an open change set before approving it."""
    if not pk:
        return None
    change_set = get_object_or_404(
        ChangeSet, pk=pk, organization=org, status=ChangeSet.Status.PENDING, kind="edit"
    )
    require(request.user, Action.REVIEW_CHANGES, org)
    return change_set


@login_required
@require_http_methods(["GET", "POST"])
def organization_edit(request: HttpRequest, slug: str) -> HttpResponse:
    org = _organization(request, slug)
    if request.method == "POST":
        base = drafts.unsign_base(request.POST.get("base", ""))
        if base is None:
            messages.error(request, _("The form could not be read; open it again."))
            return redirect("organization-edit", slug=org.slug)
        change_set = _change_set_to_edit(request, org, request.POST.get("muutos"))
        form = OrganizationForm(request.POST, current_area=base.get("area"))
        formsets = row_formsets(base, request.POST, org.pk)
        if form.is_valid() and all(formset.is_valid() for formset in formsets.values()):
            after = {
                **base,
                **form.document(),
                **{key: formset.rows() for key, formset in formsets.items()},
            }
            if changed_keys(base, after):
                key = drafts.save(
                    request,
                    {
                        "org": org.pk,
                        "base": base,
                        "after": after,
                        "message": form.cleaned_data["message"],
                        "change_set": change_set.pk if change_set else None,
                    },
                )
                return redirect(
                    reverse("organization-preview", args=[org.slug]) + f"?luonnos={key}"
                )
            form.add_error(None, _("You did not change anything."))
    else:
        draft = drafts.load(request, request.GET.get("luonnos", ""))
        if draft and draft["org"] == org.pk:
            base, start = draft["base"], draft["after"]
            change_set = _change_set_to_edit(request, org, draft["change_set"])
            message = draft["message"]
        else:
            change_set = _change_set_to_edit(request, org, request.GET.get("muutos"))
            base = snapshot(org)
            start = {**base, **change_set.after} if change_set else base
            message = ""
        form = OrganizationForm(
            initial={**OrganizationForm.initial_from(start), "message": message},
            current_area=start.get("area"),
        )
        formsets = row_formsets(start, None, org.pk)
    return render(
        request,
        "editing/edit.html",
        {
            "org": org,
            "form": form,
            "formsets": formsets,
            "base_token": drafts.sign_base(base),
            "change_set": change_set,
            "waiting": ChangeSet.objects.filter(
                organization=org, author=request.user, status=ChangeSet.Status.PENDING
            ).count(),
        },
    )


def _where_it_goes(request: HttpRequest, org: Organization, keys: list[str]) -> dict[str, list]:
    """Which of the changed keys publish at once and which go to the coordinator."""
    if can(request.user, Action.REVIEW_CHANGES, org):
        return {"now": keys, "later": []}
    trusted = TrustedOrganization.objects.filter(organization=org).exists()
    now = [key for key in keys if trusted and key not in ALWAYS_REVIEWED]
    return {"now": now, "later": [key for key in keys if key not in now]}


class _Expired(Exception):
    pass


def _draft(request: HttpRequest, org: Organization, key: str) -> dict:
    """The draft of this organisation under `key`; _Expired when the session lost it."""
    draft = drafts.load(request, key)
    if not draft or draft["org"] != org.pk:
        raise _Expired
    return draft


def _expired(request: HttpRequest, org: Organization) -> HttpResponse:
    messages.error(request, _("The preview has expired; make the change again."))
    return redirect("organization-edit", slug=org.slug)


@login_required
def organization_preview(request: HttpRequest, slug: str) -> HttpResponse:
    org = _organization(request, slug)
    key = request.GET.get("luonnos", "")
    try:
        draft = _draft(request, org, key)
    except _Expired:
        return _expired(request, org)
    changes = diff(draft["base"], draft["after"])
    return render(
        request,
        "editing/preview.html",
        {
            "org": org,
            "changes": changes,
            "draft_key": key,
            "draft": draft,
            "goes": _where_it_goes(request, org, [change.key for change in changes]),
        },
    )


@login_required
@require_POST
def organization_submit(request: HttpRequest, slug: str) -> HttpResponse:
    org = _organization(request, slug)
    key = request.POST.get("luonnos", "")
    try:
        draft = _draft(request, org, key)
    except _Expired:
        return _expired(request, org)
    back_to_form = reverse("organization-edit", args=[org.slug]) + f"?luonnos={key}"
    try:
        if draft["change_set"]:
            change_set = _change_set_to_edit(request, org, draft["change_set"])
            current = snapshot(org)
            edited = {k: draft["after"][k] for k in changed_keys(current, draft["after"])}
            services.change_approve(
                change_set=change_set,
                reviewer=request.user,
                base_url=site_root(request),
                edited=edited,
            )
            messages.success(request, _("The change was approved with your edits."))
            drafts.discard(request, key)
            return redirect("change-queue")
        outcome = services.edit_submit(
            organization=org,
            user=request.user,
            base=draft["base"],
            after=draft["after"],
            message=draft["message"],
            base_url=site_root(request),
        )
    except services.StaleEdit as stale:
        draft["merge_base"] = stale.current
        draft["conflicts"] = [conflict.key for conflict in stale.conflicts]
        key = drafts.save(request, draft)
        return render(
            request,
            "editing/merge.html",
            {"org": org, "draft_key": key, "conflicts": _conflict_rows(stale)},
            status=409,
        )
    except services.EditError as error:
        messages.error(request, str(error))
        return redirect(back_to_form)
    drafts.discard(request, key)
    if outcome.queued and outcome.published:
        messages.success(
            request,
            _(
                "Saved. Part of the change is public now; the name, identifiers and home "
                "municipality wait for the coordinator's review."
            ),
        )
    elif outcome.queued:
        messages.success(
            request,
            _("Thank you! The change waits for the coordinator's review; you will hear by e-mail."),
        )
    else:
        messages.success(request, _("Saved. The change is public now."))
    return redirect(org)


def _conflict_rows(stale: services.StaleEdit) -> list[dict]:
    keys = [conflict.key for conflict in stale.conflicts]
    theirs = {conflict.key: conflict.theirs for conflict in stale.conflicts}
    mine = {conflict.key: conflict.mine for conflict in stale.conflicts}
    names = names_for(keys, theirs, mine)
    return [
        {
            "key": conflict.key,
            "label": conflict.label,
            "theirs": shown(conflict.key, conflict.theirs, names),
            "mine": shown(conflict.key, conflict.mine, names),
        }
        for conflict in stale.conflicts
    ]


@login_required
@require_POST
def organization_merge(request: HttpRequest, slug: str) -> HttpResponse:
    """The user chose, field by field, between their value and the one saved meanwhile; the
    result goes to the preview again, starting from what is saved now."""
    org = _organization(request, slug)
    key = request.POST.get("luonnos", "")
    try:
        draft = _draft(request, org, key)
    except _Expired:
        return _expired(request, org)
    if "merge_base" not in draft:
        return _expired(request, org)
    base = draft["merge_base"]
    after = dict(base)
    for changed in changed_keys(draft["base"], draft["after"]):
        if changed in draft["conflicts"] and request.POST.get(f"valinta-{changed}") != "mine":
            continue
        after[changed] = draft["after"][changed]
    merged = {**draft, "base": base, "after": after}
    merged.pop("merge_base")
    merged.pop("conflicts")
    drafts.discard(request, key)
    if not changed_keys(base, after):
        messages.info(request, _("You kept the saved values: nothing was changed."))
        return redirect(org)
    new_key = drafts.save(request, merged)
    return redirect(reverse("organization-preview", args=[org.slug]) + f"?luonnos={new_key}")
