"""The coordinator's pages for persons: find one, record their consent, export everything
about them, erase them. A coordinator manages the persons who sit in their region's bodies."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from jarjestokartta.directory.models import Organization
from jarjestokartta.roles.permissions import Action, can, require, roles_of
from jarjestokartta.structures import privacy
from jarjestokartta.structures.models import ConsentBasis, Person

LISTED = 50


class ConsentForm(forms.Form):
    basis = forms.ChoiceField(label=gettext_lazy("Basis"), choices=ConsentBasis.choices)
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        max_length=500,
        help_text=gettext_lazy("E.g. where the written consent is kept."),
    )


def _may_manage(user, person: Person) -> bool:
    """Administrators, and the coordinators of a region where the person sits in a body."""
    if roles_of(user).is_admin:
        return True
    bodies = Organization.objects.filter(memberships__person=person).distinct()
    return any(can(user, Action.MANAGE_PERSONS, body) for body in bodies)


def _person(request: HttpRequest, key: str) -> Person:
    person = get_object_or_404(Person, popolo_id=key)
    if not _may_manage(request.user, person):
        raise PermissionDenied
    return person


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.MANAGE_PERSONS)
    words = request.GET.get("haku", "").strip()
    found = []
    if words:
        candidates = Person.objects.filter(name__icontains=words).order_by("name")[: LISTED * 4]
        found = [p for p in candidates if _may_manage(request.user, p)][:LISTED]
    return render(request, "structures/persons.html", {"words": words, "persons": found})


@login_required
@require_http_methods(["GET", "POST"])
def person_detail(request: HttpRequest, key: str) -> HttpResponse:
    person = _person(request, key)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        basis = form.cleaned_data["basis"]
        privacy.consent_record(
            person=person,
            is_public=basis != ConsentBasis.WITHDRAWN,
            basis=basis,
            note=form.cleaned_data["note"],
            user=request.user,
        )
        messages.success(request, _("The consent was recorded."))
        return redirect("person", key=person.popolo_id)
    memberships = person.memberships.select_related("organization", "post", "on_behalf_of")
    return render(
        request,
        "structures/person.html",
        {
            "person": person,
            "form": form,
            "memberships": memberships,
            "consents": person.consents.select_related("recorded_by"),
        },
    )


@login_required
def person_export(request: HttpRequest, key: str) -> HttpResponse:
    person = _person(request, key)
    document = privacy.person_export(person=person, user=request.user)
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="henkilo-{person.pk}.json"'
    return response


@login_required
@require_POST
def person_erase(request: HttpRequest, key: str) -> HttpResponse:
    person = _person(request, key)
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm the erasure."))
        return redirect("person", key=person.popolo_id)
    kept = privacy.person_erase(person=person, user=request.user)
    messages.success(
        request,
        _("The person was erased; %(count)s memberships remain, shown by their seat's title.")
        % {"count": kept},
    )
    return redirect("persons")
