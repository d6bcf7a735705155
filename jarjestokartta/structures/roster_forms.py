"""The roster editor's forms. Organisations are named as they are written (the body's members
are among 120,000, too many for a list): a name is looked up, and one that is not found or is
ambiguous is said so."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jarjestokartta.core.partial_date_fields import PartialDateField
from jarjestokartta.directory.models import Organization
from jarjestokartta.events.form_fields import FinnishDateField
from jarjestokartta.structures import roster_services
from jarjestokartta.structures.models import Post

MEMBER_KINDS = [("organization", _("an organisation")), ("person", _("a person"))]


class OrganizationNameField(forms.CharField):
    def clean(self, value: Any) -> Organization | None:  # type: ignore[override]
        return organization_named(super().clean(value))


def organization_named(name: str) -> Organization | None:
    name = (name or "").strip()
    if not name:
        return None
    found = list(Organization.objects.filter(name__iexact=name)[:2])
    if not found:
        raise forms.ValidationError(
            _("No organisation is called “%(name)s”: check the name as the directory has it."),
            params={"name": name},
        )
    if len(found) > 1:
        raise forms.ValidationError(
            _("Several organisations are called “%(name)s”: ask the administrator."),
            params={"name": name},
        )
    return found[0]


class SeatForm(forms.Form):
    label = forms.CharField(label=_("Name of the seat"), max_length=300)
    start_date = PartialDateField(label=_("From"))


class AppointForm(forms.Form):
    post = forms.ModelChoiceField(
        label=_("Seat"), queryset=Post.objects.none(), required=False, empty_label=_("(no seat)")
    )
    member_kind = forms.ChoiceField(
        label=_("The member is"),
        choices=MEMBER_KINDS,
        widget=forms.RadioSelect,
        initial="organization",
    )
    member = forms.CharField(
        label=_("Member"), max_length=300, help_text=_("The organisation's or person's name.")
    )
    deputy_kind = forms.ChoiceField(
        label=_("The deputy is"),
        choices=MEMBER_KINDS,
        widget=forms.RadioSelect,
        initial="organization",
    )
    deputy = forms.CharField(
        label=_("Deputy"),
        max_length=300,
        required=False,
        help_text=_("Optional: appointed together."),
    )
    on_behalf_of = OrganizationNameField(label=_("On behalf of"), required=False, max_length=300)
    appointed_by = OrganizationNameField(label=_("Appointed by"), required=False, max_length=300)
    start_date = PartialDateField(label=_("Term starts"))
    end_date = PartialDateField(label=_("Term ends"))

    def __init__(self, *args: Any, body: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.body = body
        self.fields["post"].queryset = Post.objects.filter(organization=body).order_by("label")
        self.fields["post"].label_from_instance = lambda post: post.label  # the body is known

    def _who(self, kind_field: str, name_field: str) -> dict | None:
        name = (self.cleaned_data.get(name_field) or "").strip()
        if not name:
            return None
        kind = self.cleaned_data.get(kind_field)
        org = None
        if kind == "organization":
            try:
                org = organization_named(name)
            except forms.ValidationError as error:
                self.add_error(name_field, error)
                return None
            if org == self.body:
                self.add_error(name_field, _("A body cannot be its own member."))
                return None
        return {"kind": kind, "name": name, "org": org}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleaned["member_who"] = self._who("member_kind", "member")
        cleaned["deputy_who"] = self._who("deputy_kind", "deputy")
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start[: len(end)]:
            self.add_error("end_date", _("The term cannot end before it starts."))
        return cleaned


class EndForm(forms.Form):
    end_date = PartialDateField(label=_("Last day"), required=True)
    deputy = forms.ChoiceField(
        label=_("What happens to the deputy?"),
        widget=forms.RadioSelect,
        initial=roster_services.DEPUTY_ENDS,
        choices=[
            (roster_services.DEPUTY_ENDS, _("the deputy's membership ends the same day")),
            (roster_services.DEPUTY_STEPS_UP, _("the deputy becomes the member of the seat")),
            (roster_services.DEPUTY_STAYS, _("the deputy stays, for the seat's next member")),
        ],
    )


class TermForm(forms.Form):
    first_day = FinnishDateField(label=_("The new term starts"))
