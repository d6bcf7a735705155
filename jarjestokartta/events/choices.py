"""The coded values of an activity or event: each a TextChoices the database checks."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    ACTIVITY = "activity", _("recurring activity")
    EVENT = "event", _("event")
    COURSE = "course", _("course")
    VOLUNTEERING = "volunteering", _("volunteering task")
    MEETING = "meeting", _("meeting of a cooperation body")


class EventStatus(models.TextChoices):
    """schema.org's EventStatusType, which iCalendar's STATUS and Popolo's status carry too."""

    SCHEDULED = "scheduled", _("scheduled")
    CANCELLED = "cancelled", _("cancelled")
    POSTPONED = "postponed", _("postponed")
    RESCHEDULED = "rescheduled", _("rescheduled")


class Channel(models.TextChoices):
    """Where one takes part: the listing filters on it, and each needs its own details."""

    PLACE = "place", _("at a place")
    ONLINE = "online", _("online")
    PHONE = "phone", _("by phone")
    HYBRID = "hybrid", _("at a place and online")


# The channels that need a place, and those that need a link.
AT_A_PLACE = (Channel.PLACE, Channel.HYBRID)
ONLINE = (Channel.ONLINE, Channel.HYBRID)


class Registration(models.TextChoices):
    NOT_NEEDED = "not_needed", _("no registration needed")
    REQUIRED = "required", _("registration required")


class Accessibility(models.TextChoices):
    """A fixed vocabulary, so that "step-free access" can be filtered on; the rest is free text."""

    STEP_FREE = "step_free", _("step-free access")
    ACCESSIBLE_TOILET = "accessible_toilet", _("accessible toilet")
    INDUCTION_LOOP = "induction_loop", _("induction loop")
    SIGN_LANGUAGE = "sign_language", _("sign-language interpretation")
    PLAIN_LANGUAGE = "plain_language", _("plain language")
    ACCESSIBLE_PARKING = "accessible_parking", _("accessible parking")
    LIFT = "lift", _("lift")
    QUIET_SPACE = "quiet_space", _("quiet space")
    ASSISTANCE_DOGS = "assistance_dogs", _("assistance dogs welcome")
    SCENT_FREE = "scent_free", _("scent-free")


class Language(models.TextChoices):
    """ISO 639-1 codes of the languages an activity is held in: those of Finland's official and
    largest language groups (Statistics Finland's population by language), not the whole list,
    so that the filter stays short. A code outside it is refused with a named problem."""

    FI = "fi", _("Finnish")
    SV = "sv", _("Swedish")
    EN = "en", _("English")
    SE = "se", _("Northern Sami")
    RU = "ru", _("Russian")
    ET = "et", _("Estonian")
    AR = "ar", _("Arabic")
    SO = "so", _("Somali")
    UK = "uk", _("Ukrainian")
    FA = "fa", _("Persian")
    KU = "ku", _("Kurdish")
    ZH = "zh", _("Chinese")
    SQ = "sq", _("Albanian")
    VI = "vi", _("Vietnamese")
    TH = "th", _("Thai")
    TR = "tr", _("Turkish")
    ES = "es", _("Spanish")
    DE = "de", _("German")
    FR = "fr", _("French")
    PL = "pl", _("Polish")
