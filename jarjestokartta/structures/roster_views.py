"""The coordinator's roster editor of a body: seats, appointments with deputies, ends of
memberships (asking what becomes of the deputy), and a new term."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jarjestokartta.core.partial_date_fields import to_finnish
from jarjestokartta.directory.models import Organization
from jarjestokartta.roles.permissions import Action, require
from jarjestokartta.structures import roster_services
from jarjestokartta.structures.models import Membership, Post
from jarjestokartta.structures.roster_forms import AppointForm, EndForm, SeatForm, TermForm


def _body(request: HttpRequest, slug: str) -> Organization:
    body = get_object_or_404(Organization, slug=slug)
    if not (body.is_body or body.classification == "project"):
        raise Http404
    require(request.user, Action.EDIT_ROSTER, body)
    return body


@login_required
@require_http_methods(["GET", "POST"])
def roster_edit(request: HttpRequest, slug: str) -> HttpResponse:
    body = _body(request, slug)
    action = request.POST.get("action") if request.method == "POST" else None
    forms = {
        "seat": SeatForm(request.POST if action == "seat" else None, prefix="paikka"),
        "appoint": AppointForm(
            request.POST if action == "appoint" else None, body=body, prefix="nimitys"
        ),
        "term": TermForm(request.POST if action == "term" else None, prefix="kausi"),
    }
    end_forms = {}
    if action == "end":
        membership = get_object_or_404(
            Membership, pk=request.POST.get("membership"), organization=body
        )
        end_forms[membership.pk] = EndForm(request.POST, prefix=f"loppu-{membership.pk}")
    if action in forms and forms[action].is_valid():
        return _carry_out(request, body, action, forms[action].cleaned_data)
    if action == "end" and end_forms[membership.pk].is_valid():
        data = end_forms[membership.pk].cleaned_data
        changed = roster_services.membership_end(
            membership=membership, end_date=data["end_date"], deputy=data["deputy"]
        )
        messages.success(
            request,
            _("The membership ends on %(day)s.") % {"day": to_finnish(data["end_date"])}
            + (" " + _("Its deputy was changed as you chose.") if changed else ""),
        )
        return redirect("roster-edit", slug=body.slug)
    today = timezone.localdate()
    sitting = (
        Membership.objects.filter(organization=body)
        .active_on(today)
        .select_related("person", "member_organization", "post", "on_behalf_of", "deputy_of")
        .order_by("post__label", "role", "pk")
    )
    rows = [
        (m, end_forms.get(m.pk) or EndForm(prefix=f"loppu-{m.pk}", initial={"end_date": ""}))
        for m in sitting
    ]
    seats = Post.objects.filter(organization=body).active_on(today).order_by("label")
    return render(
        request,
        "structures/roster_edit.html",
        {"org": body, "forms": forms, "rows": rows, "seats": seats},
        status=400 if action else 200,
    )


def _carry_out(request: HttpRequest, body: Organization, action: str, data: dict) -> HttpResponse:
    if action == "seat":
        roster_services.seat_add(body=body, label=data["label"], start_date=data["start_date"])
        messages.success(request, _("The seat was added."))
    elif action == "appoint":
        roster_services.appoint(
            body=body,
            post=data["post"],
            member=data["member_who"],
            deputy=data["deputy_who"],
            on_behalf_of=data["on_behalf_of"],
            appointed_by=data["appointed_by"],
            start_date=data["start_date"],
            end_date=data["end_date"],
        )
        messages.success(request, _("The appointment was saved."))
    else:
        new = roster_services.term_start(body=body, first_day=data["first_day"])
        messages.success(
            request,
            _("The new term starts with %(count)s seats; appoint their holders below.")
            % {"count": len(new)},
        )
    return redirect("roster-edit", slug=body.slug)
