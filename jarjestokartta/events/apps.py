from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "jarjestokartta.events"
    verbose_name = _("Activities and events")

    def ready(self) -> None:
        # Keeps the stored occurrences of an edited event current (see events/signals.py).
        from jarjestokartta.events import signals  # noqa: F401
