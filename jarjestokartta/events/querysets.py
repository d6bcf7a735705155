"""The events' QuerySet; apart from models.py, which builds its manager from it."""

from django.db import models


class EventQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def published(self) -> "EventQuerySet":
        return self.filter(is_published=True)

    def with_details(self) -> "EventQuerySet":
        """Everything an event's page and record show, in a fixed number of queries."""
        return self.select_related(
            "organizer", "body", "municipality", "super_event"
        ).prefetch_related("co_organizers", "themes", "target_groups", "changes")
