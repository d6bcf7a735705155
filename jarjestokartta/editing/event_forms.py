"""An organisation's activities and events in the site's own form: the admin's form (its
schedule builder: first date, times, how it repeats; never an RRULE typed by hand) with the
fields that only administrators set left out, and grouped as the page shows them."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jarjestokartta.events.admin_forms import SCHEDULE_FIELDS, EventAdminForm
from jarjestokartta.events.choices import EventKind
from jarjestokartta.geography.models import AreaKind

# The page's sections: (heading, fields). Not here: the organiser (the organisation whose
# page it is), co-organisers and an umbrella event (picked from all of Finland's; the admin
# has a search for them), a body and agenda (meetings are the coordinators'), identifiers.
SECTIONS = [
    (_("What"), ["kind", "name", "name_sv", "name_en", "summary", "description"]),
    (_("Time"), [name for name in SCHEDULE_FIELDS if name != "current_rule"]),
    (
        _("Place"),
        [
            "channel",
            "place_name",
            "street_address",
            "postal_code",
            "municipality",
            "online_url",
            "phone",
        ],
    ),
    (_("For whom"), ["themes", "target_groups", "languages", "age_min", "age_max"]),
    (_("Price"), ["is_free", "price", "price_info_url"]),
    (_("Accessibility"), ["accessibility", "accessibility_note"]),
    (
        _("Registration"),
        [
            "registration",
            "registration_url",
            "registration_email",
            "registration_opens",
            "registration_closes",
            "capacity",
        ],
    ),
    (_("Image"), ["image_url", "image_alt"]),
    (_("Publication"), ["status", "is_published"]),
]


class SiteEventForm(EventAdminForm):
    class Meta(EventAdminForm.Meta):
        fields = [
            name for _heading, names in SECTIONS for name in names if name not in SCHEDULE_FIELDS
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        kind.choices = [
            choice for choice in kind.choices if choice[0] not in (EventKind.MEETING, "")
        ]
        if self.instance.pk is None:
            kind.initial = EventKind.ACTIVITY
        municipality = self.fields["municipality"]
        municipality.queryset = municipality.queryset.filter(
            classification=AreaKind.MUNICIPALITY, is_reference=True
        ).order_by("name")
        for name in ("themes", "target_groups"):
            self.fields[name].queryset = self.fields[name].queryset.order_by("name")
            self.fields[name].widget = forms.CheckboxSelectMultiple(
                choices=self.fields[name].choices
            )

    def sections(self) -> list[tuple[str, list]]:
        """The fields of each section; a list of choices with nothing to choose is left out."""
        return [
            (heading, [self[name] for name in names if self._shown(name)])
            for heading, names in SECTIONS
        ]

    def _shown(self, name: str) -> bool:
        field = self.fields[name]
        return not isinstance(field, forms.ModelMultipleChoiceField) or field.queryset.exists()
