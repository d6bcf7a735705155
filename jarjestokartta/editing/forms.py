"""The organisation's edit form and its child rows' formsets, to and from the document
(document.py). Messages are the translated ones (Finnish first)."""

from typing import Any

from django import forms
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

from jarjestokartta.core.partial_date_fields import PartialDateField
from jarjestokartta.directory import identifiers
from jarjestokartta.directory.contacts import ContactKind
from jarjestokartta.directory.models import (
    Identifier,
    OrganizationKind,
    OtherNameKind,
    TargetGroup,
    Theme,
)
from jarjestokartta.editing.document import SCHEME_NAMES, Document, label
from jarjestokartta.geography.models import Area, AreaKind

OTHER_SCHEME = "other"
# The validated schemes (as document.py names them in diffs), then any other.
SCHEMES = [*SCHEME_NAMES.items(), (OTHER_SCHEME, _("another identifier"))]


def _text(key: str, **kwargs: Any) -> forms.CharField:
    return forms.CharField(label=label(key), required=False, **kwargs)


class OrganizationForm(forms.Form):
    name = forms.CharField(label=label("name"), max_length=300)
    name_sv = _text("name_sv", max_length=300)
    name_en = _text("name_en", max_length=300)
    classification = forms.ChoiceField(
        label=label("classification"), choices=OrganizationKind.choices
    )
    area = forms.ModelChoiceField(
        label=label("area"),
        queryset=Area.objects.filter(
            classification__in=[AreaKind.MUNICIPALITY, AreaKind.REGION], is_reference=True
        ).order_by("name"),
        required=False,
        empty_label=_("(none)"),
    )
    abstract = _text("abstract", widget=forms.Textarea(attrs={"rows": 2}))
    description = _text("description", widget=forms.Textarea(attrs={"rows": 6}))
    founding_date = PartialDateField(label=label("founding_date"))
    dissolution_date = PartialDateField(label=label("dissolution_date"))
    how_to_join = _text("how_to_join", widget=forms.Textarea(attrs={"rows": 3}))
    meetings_min = forms.IntegerField(label=label("meetings_min"), required=False, min_value=0)
    meetings_max = forms.IntegerField(label=label("meetings_max"), required=False, min_value=0)
    meetings_note = _text("meetings_note", max_length=200)
    themes = forms.ModelMultipleChoiceField(
        label=label("themes"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=label("target_groups"),
        queryset=TargetGroup.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    message = forms.CharField(
        label=_("Note to the coordinator"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional: what changed and why, if it helps the review."),
    )

    def __init__(self, *args: Any, current_area: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if current_area is not None:
            # An imported home area outside the reference list (a city district) stays
            # choosable, so that saving other fields does not silently drop it.
            field = self.fields["area"]
            field.queryset = (field.queryset | Area.objects.filter(pk=current_area)).order_by(
                "name"
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        low, high = cleaned.get("meetings_min"), cleaned.get("meetings_max")
        if low is not None and high is not None and low > high:
            self.add_error("meetings_max", _("The most cannot be less than the least."))
        start, end = cleaned.get("founding_date"), cleaned.get("dissolution_date")
        if start and end and end < start[: len(end)]:
            self.add_error("dissolution_date", _("It cannot end before it was founded."))
        return cleaned

    @classmethod
    def initial_from(cls, document: Document) -> dict[str, Any]:
        return {key: document.get(key) for key in cls.base_fields if key != "message"}

    def document(self) -> Document:
        data = self.cleaned_data
        result = {key: data[key] for key in self.base_fields if key not in ("message",)}
        result["area"] = data["area"].pk if data["area"] else None
        result["themes"] = sorted(theme.pk for theme in data["themes"])
        result["target_groups"] = sorted(group.pk for group in data["target_groups"])
        for key in ("name_sv", "name_en", "abstract", "description", "how_to_join"):
            result[key] = result[key].strip()
        return result


class OtherNameForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=300)
    # Each select of a row starts at its first choice, so that an untouched empty row counts as
    # unchanged (and is left out) rather than as a half-filled one.
    kind = forms.ChoiceField(
        label=_("kind"), choices=OtherNameKind.choices, initial=OtherNameKind.values[0]
    )
    start_date = PartialDateField(label=_("start date"))
    end_date = PartialDateField(label=_("end date"))


class IdentifierForm(forms.Form):
    scheme = forms.ChoiceField(label=_("scheme"), choices=SCHEMES, initial=SCHEMES[0][0])
    other_scheme = forms.CharField(
        label=_("name of the other identifier"), required=False, max_length=50
    )
    identifier = forms.CharField(label=_("identifier"), max_length=200)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        scheme, value = cleaned.get("scheme"), (cleaned.get("identifier") or "").strip()
        if scheme == OTHER_SCHEME:
            if not (cleaned.get("other_scheme") or "").strip():
                self.add_error("other_scheme", _("Name the identifier, e.g. its register."))
            return cleaned
        if scheme and value:
            written = identifiers.canonical(scheme, value)
            if written is None:
                self.add_error(
                    "identifier",
                    _("%(value)s is not a valid %(scheme)s.")
                    % {"value": value, "scheme": dict(SCHEMES)[scheme]},
                )
            else:
                cleaned["identifier"] = written
        return cleaned

    @staticmethod
    def initial_from(row: dict[str, Any]) -> dict[str, Any]:
        if row["scheme"] in dict(SCHEMES):
            return dict(row)
        return {
            "scheme": OTHER_SCHEME,
            "other_scheme": row["scheme"],
            "identifier": row["identifier"],
        }

    def row(self) -> dict[str, Any]:
        data = self.cleaned_data
        scheme = data["other_scheme"].strip() if data["scheme"] == OTHER_SCHEME else data["scheme"]
        return {"scheme": scheme, "identifier": data["identifier"].strip()}


class ContactForm(forms.Form):
    type = forms.ChoiceField(
        label=_("type"), choices=ContactKind.choices, initial=ContactKind.values[0]
    )
    value = forms.CharField(label=_("value"), max_length=500)
    label = forms.CharField(label=_("label"), max_length=200, required=False)
    note = forms.CharField(label=_("note"), max_length=500, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("type") == ContactKind.EMAIL and cleaned.get("value"):
            try:
                EmailValidator()(cleaned["value"].strip())
            except forms.ValidationError:
                self.add_error("value", _("Enter a valid e-mail address."))
        return cleaned


class LinkForm(forms.Form):
    url = forms.URLField(label=_("address"), max_length=500, assume_scheme="https")
    note = forms.CharField(label=_("description"), max_length=200, required=False)


class RowFormSet(forms.BaseFormSet):
    def kept_forms(self) -> list[forms.Form]:
        """The rows that stay: those that were there, unless marked for removal, and the
        blank rows that were filled in."""
        return [
            form
            for index, form in enumerate(self.forms)
            if not self._should_delete_form(form)
            and (index < self.initial_form_count() or form.has_changed())
        ]

    def rows(self) -> list[dict[str, Any]]:
        result = []
        for form in self.kept_forms():
            row = form.row() if hasattr(form, "row") else dict(form.cleaned_data)
            row.pop("DELETE", None)
            result.append(
                {
                    key: value.strip() if isinstance(value, str) else value
                    for key, value in row.items()
                }
            )
        return result


class IdentifierFormSet(RowFormSet):
    """An identifier may not be another organisation's (the database refuses it anyway)."""

    organization_id: int | None = None

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        seen = set()
        for form in self.kept_forms():
            row = form.row()
            pair = (row["scheme"], row["identifier"])
            if pair in seen:
                form.add_error("identifier", _("The same identifier is listed twice."))
            seen.add(pair)
            taken = Identifier.objects.filter(scheme=pair[0], identifier=pair[1]).exclude(
                organization_id=self.organization_id
            )
            if taken.exists():
                form.add_error("identifier", _("Another organisation has this identifier."))


ROW_FORMS = {
    # key of the document: (form, formset, prefix in the page)
    "other_names": (OtherNameForm, RowFormSet, "nimet"),
    "identifiers": (IdentifierForm, IdentifierFormSet, "tunnukset"),
    "contact_details": (ContactForm, RowFormSet, "yhteystiedot"),
    "links": (LinkForm, RowFormSet, "linkit"),
}


def row_formsets(document: Document, data=None, organization_id: int | None = None) -> dict:
    """One formset a kind of child row, filled from the document (or bound to `data`)."""
    result = {}
    for key, (form, base, prefix) in ROW_FORMS.items():
        formset_class = forms.formset_factory(form, formset=base, extra=1, can_delete=True)
        initial = [
            form.initial_from(row) if hasattr(form, "initial_from") else row
            for row in document.get(key, [])
        ]
        formset = formset_class(data, initial=initial, prefix=prefix)
        formset.organization_id = organization_id
        result[key] = formset
    return result
