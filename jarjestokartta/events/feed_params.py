"""The filters of a feed's address (/tapahtumat.ics?theme=…&region=…) read into an EventFilter.

The names are the API's (organizer, body, region, municipality, theme, target_group, kind,
language, channel, accessibility, is_free) so that a listing's filters carry over to its feed;
`start` and `end` (YYYY-MM-DD) choose the events that occur in those days. The words `q` are
read by the view, which is given the search's matcher (a higher layer) by urls.py.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from jarjestokartta.core.days import NotADay, parse_day
from jarjestokartta.events.filtering import EventFilter

LISTS = (
    "organizer",
    "body",
    "region",
    "municipality",
    "theme",
    "target_group",
    "kind",
    "language",
    "channel",
    "accessibility",
)
# Values one request may give; more is a mistake, not a filter.
MAX_VALUES, MAX_LENGTH = 50, 200
TRUE, FALSE = ("true", "1", "kylla", "kyllä"), ("false", "0", "ei")


class BadParameter(ValueError):
    """A parameter that cannot be read; the message, in the user's language, says which."""


@dataclass(frozen=True)
class FeedQuery:
    wanted: EventFilter
    first: datetime | None
    last: datetime | None


def _values(params: QueryDict, name: str) -> list[str]:
    values = [part.strip() for value in params.getlist(name) for part in value.split(",")]
    values = [value for value in values if value]
    if len(values) > MAX_VALUES or any(len(value) > MAX_LENGTH for value in values):
        raise BadParameter(
            _("The parameter %(name)s has too many or too long values.") % {"name": name}
        )
    return values


def _day(params: QueryDict, name: str) -> date | None:
    raw = params.get(name, "").strip()
    if not raw:
        return None
    try:
        return parse_day(raw)
    except NotADay:
        raise BadParameter(
            _("The parameter %(name)s must be a date of the form YYYY-MM-DD.") % {"name": name}
        ) from None


def _is_free(params: QueryDict) -> bool | None:
    raw = params.get("is_free", "").strip().lower()
    if not raw:
        return None
    if raw in TRUE:
        return True
    if raw in FALSE:
        return False
    raise BadParameter(_("The parameter is_free must be true or false."))


def read(params: QueryDict) -> FeedQuery:
    """The filters and days asked for; BadParameter names a malformed one. A value that is
    well-formed but names nothing is found later, as filtering.UnknownValue."""
    lists = {name: _values(params, name) for name in LISTS}
    first, last = _day(params, "start"), _day(params, "end")
    if first and last and last < first:
        raise BadParameter(_("The end date is before the start date."))
    zone = timezone.get_default_timezone()
    return FeedQuery(
        wanted=EventFilter(**lists, is_free=_is_free(params)),
        first=datetime.combine(first, time.min, zone) if first else None,
        last=datetime.combine(last, time.max, zone) if last else None,
    )
