"""The address of the listing's own calendar feed (/tapahtumat.ics), made from its filters.

The listing's parameters are Finnish (kunta, teema …) and the feed's are the API's
(municipality, theme …), so the address is written from the parsed filter, not copied.
A subscription lives on for months: "today" or "this week" would mean the day it was
made, so a relative period is left out and the feed holds what occurs from today on; a
chosen day (alkaen, asti) is fixed and carries over as start and end.
"""

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode

from jarjestokartta.events import feed_params

if TYPE_CHECKING:  # the listing imports this module
    from jarjestokartta.search.event_listing import Chosen


def feed_parameters(chosen: "Chosen") -> list[tuple[str, str]]:
    """The feed's parameters for the listing's filters, days and words, in a fixed order."""
    wanted = chosen.wanted
    # The feed reads the filter's own field names; the listing leaves organizer and body empty.
    pairs = [(name, value) for name in feed_params.LISTS for value in getattr(wanted, name)]
    if wanted.is_free:
        pairs.append(("is_free", "true"))
    if chosen.since:
        pairs.append(("start", chosen.since))
    if chosen.until:
        pairs.append(("end", chosen.until))
    if chosen.q:
        pairs.append(("q", chosen.q))
    return pairs


def drops_period(chosen: "Chosen") -> bool:
    """Whether the listing's time is a relative period the subscription leaves out."""
    return bool(chosen.period) and not (chosen.since or chosen.until)


def feed_address(request: HttpRequest, chosen: "Chosen") -> str:
    """The absolute address, so that the template can make a webcal: link of it."""
    query = urlencode(feed_parameters(chosen))
    address = reverse("event-list-ics")
    return request.build_absolute_uri(f"{address}?{query}" if query else address)
