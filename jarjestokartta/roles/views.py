"""Becoming an editor ("Edustatko tätä yhdistystä?", invitations), the coordinator's decisions
and "tiedot tarkistettu". Every view asks permissions.require() before it reads a form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from jarjestokartta.core.addresses import site_root
from jarjestokartta.directory.models import Organization
from jarjestokartta.roles import services
from jarjestokartta.roles.forms import DecisionForm, EditorRequestForm, InvitationForm
from jarjestokartta.roles.models import EditorRequest, OrganizationEditor
from jarjestokartta.roles.permissions import Action, require


@login_required
@require_http_methods(["GET", "POST"])
def editor_request_page(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization, slug=slug)
    require(request.user, Action.REQUEST_EDITOR_ROLE, organization)
    if OrganizationEditor.objects.filter(user=request.user, organization=organization).exists():
        messages.info(request, _("You are already an editor of this organisation."))
        return redirect(organization)
    pending = EditorRequest.objects.filter(
        user=request.user, organization=organization, status=EditorRequest.Status.PENDING
    ).first()
    form = EditorRequestForm(request.POST or None)
    if request.method == "POST" and not pending and form.is_valid():
        try:
            services.editor_request_create(
                user=request.user,
                organization=organization,
                position=form.cleaned_data["position"],
                message=form.cleaned_data["message"],
                base_url=site_root(request),
            )
        except services.RoleError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _(
                    "Thank you! The region's coordinator will look at your request; you will "
                    "get the decision by e-mail."
                ),
            )
        return redirect(organization)
    return render(
        request,
        "roles/editor_request.html",
        {"organization": organization, "form": form, "pending": pending},
    )


@login_required
@require_http_methods(["GET", "POST"])
def editor_request_decision(request: HttpRequest, pk: int) -> HttpResponse:
    editor_request = get_object_or_404(
        EditorRequest.objects.select_related("user", "organization"), pk=pk
    )
    require(request.user, Action.DECIDE_EDITOR_REQUEST, editor_request.organization)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decided = services.editor_request_decide(
                editor_request=editor_request,
                decided_by=request.user,
                approve=form.approves,
                reply=form.cleaned_data["reply"],
                base_url=site_root(request),
            )
        except services.RoleError as error:
            messages.error(request, str(error))
        else:
            if decided.status == EditorRequest.Status.APPROVED:
                note = _("%(email)s is now an editor of %(organization)s.")
            else:
                note = _("The request of %(email)s for %(organization)s was rejected.")
            messages.success(
                request,
                note % {"email": decided.user.email, "organization": decided.organization},
            )
        return redirect("coordinator")
    return render(
        request, "roles/editor_request_decision.html", {"req": editor_request, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def invite_editor(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization, slug=slug)
    require(request.user, Action.INVITE_EDITOR, organization)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.editor_invite(
                organization=organization,
                email=form.cleaned_data["email"],
                invited_by=request.user,
                base_url=site_root(request),
            )
        except services.RoleError as error:
            form.add_error("email", str(error))
        else:
            messages.success(
                request, _("The invitation was sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect(organization)
    editors = organization.editors.select_related("user").order_by("created")
    return render(
        request,
        "roles/invite_editor.html",
        {"organization": organization, "form": form, "editors": editors},
    )


@require_http_methods(["GET", "POST"])
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Open to anyone, so that the link explains itself before asking to log in."""
    try:
        invitation = services.invitation_from_token(token)
    except services.RoleError as error:
        return render(request, "roles/invitation.html", {"problem": str(error)}, status=400)
    if request.method == "POST" and request.user.is_authenticated:
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except services.RoleError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("You are now an editor of %(organization)s.")
                % {"organization": invitation.organization},
            )
            return redirect(invitation.organization)
    return render(request, "roles/invitation.html", {"invitation": invitation})


@login_required
@require_POST
def mark_verified(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization, slug=slug)
    require(request.user, Action.MARK_VERIFIED, organization)
    services.organization_mark_verified(organization=organization)
    messages.success(request, _("The data was marked as verified today."))
    after = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(after, allowed_hosts={request.get_host()}):
        after = organization.get_absolute_url()
    return redirect(after)
