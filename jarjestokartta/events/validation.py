"""What is wrong with an activity or event, in words a coordinator understands.

The database refuses the same things (events/models.py's constraints and trigger), but with a
constraint's name; these say what to do instead, in Finnish through gettext. Shared by the
admin's form and the self-service forms to come; Event.clean can raise them as they are.
"""

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from jarjestokartta.directory.models import BODY_KINDS
from jarjestokartta.events import recurrence
from jarjestokartta.events.choices import (
    AT_A_PLACE,
    ONLINE,
    Channel,
    EventKind,
    Language,
    Registration,
)
from jarjestokartta.geography import postal_codes
from jarjestokartta.geography.models import Area

if TYPE_CHECKING:  # events/models.py may import this module for Event.clean
    from jarjestokartta.events.models import Event

POSTAL_CODE = re.compile(r"^[0-9]{5}$")


def event_problems(event: "Event") -> dict[str, list[str]]:
    """Each field's problems; empty when there are none. Reads the body (one query) if set."""
    problems: dict[str, list[str]] = defaultdict(list)
    _time(event, problems)
    _meeting(event, problems)
    _where(event, problems)
    _taking_part(event, problems)
    return dict(problems)


def _time(event: "Event", problems: dict[str, list[str]]) -> None:
    if event.start is not None and event.end is not None and event.end <= event.start:
        problems["end"].append(_("The end is before the start: give an end after the start."))
    if event.rrule and event.start is not None:
        try:
            recurrence.check_rule(event.rrule, event.local(event.start))
        except recurrence.RuleError as error:
            problems["rrule"].append(
                _("The repetition cannot be used: %(problem)s.") % {"problem": error}
            )


def _meeting(event: "Event", problems: dict[str, list[str]]) -> None:
    if event.kind == EventKind.MEETING and event.body_id is None:
        problems["body"].append(_("A meeting needs the cooperation body whose meeting it is."))
    elif event.kind != EventKind.MEETING and event.body_id is not None:
        problems["body"].append(
            _("Only a meeting has a cooperation body: choose the kind Meeting or remove the body.")
        )
    if event.body_id is not None and event.body.classification not in BODY_KINDS:
        problems["body"].append(
            _(
                "%(name)s is not a cooperation body (a network, council, forum, partnership "
                "table, advisory board or working group)."
            )
            % {"name": event.body.name}
        )


def _where(event: "Event", problems: dict[str, list[str]]) -> None:
    if event.channel in AT_A_PLACE and event.municipality_id is None:
        problems["municipality"].append(_("Choose the municipality of the place."))
    if event.channel in ONLINE and not event.online_url:
        problems["online_url"].append(_("Give the link for taking part online."))
    if event.channel == Channel.PHONE and not event.phone:
        problems["phone"].append(_("Give the phone number to call."))
    if event.postal_code and not POSTAL_CODE.match(event.postal_code):
        problems["postal_code"].append(_("A postal code is five digits, e.g. 70100."))
    elif event.postal_code and event.municipality_id is not None:
        _postal_code_in_municipality(event, problems)


def _postal_code_in_municipality(event: "Event", problems: dict[str, list[str]]) -> None:
    # A code Posti's file does not list passes: a new code is likelier than a typing error
    # that still has five digits, and refusing it would keep a real place out.
    entry = postal_codes.lookup(event.postal_code)
    chosen = event.municipality
    if entry is None or chosen.classification != Area.Kind.MUNICIPALITY:
        return
    if entry.municipality_code != chosen.code:
        # The names in the nominative: a Finnish message cannot inflect any municipality's
        # name ("Kuopiossa", "Siilinjärvellä") without a table of their locative forms.
        problems["postal_code"].append(
            _("The postal code %(code)s is in %(right)s, not in %(chosen)s.")
            % {"code": entry.code, "right": entry.municipality_fi, "chosen": chosen.name}
        )


def _taking_part(event: "Event", problems: dict[str, list[str]]) -> None:
    if event.is_free and event.price:
        problems["price"].append(
            _("It is marked free of charge but has a price: remove the price or the mark.")
        )
    if event.image_url and not event.image_alt:
        problems["image_alt"].append(
            _("Describe what the image shows, for those who cannot see it.")
        )
    if (
        event.registration == Registration.REQUIRED
        and not event.registration_url
        and not event.registration_email
    ):
        problems["registration_url"].append(
            _("Registration is required: give a link or an e-mail address for registering.")
        )
    opens, closes = event.registration_opens, event.registration_closes
    if opens is not None and closes is not None and opens > closes:
        problems["registration_closes"].append(_("Registration closes before it opens."))
    if event.age_min is not None and event.age_max is not None and event.age_min > event.age_max:
        problems["age_max"].append(_("The upper age is below the lower age."))
    unknown = [code for code in event.languages if code not in Language.values]
    if unknown:
        problems["languages"].append(
            _("Unknown language code: %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    if event.pk is not None and event.super_event_id == event.pk:
        problems["super_event"].append(_("An event cannot be part of itself."))
