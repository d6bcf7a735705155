"""An edited event's stored occurrences follow at once; a bulk import stores its own."""

from typing import Any

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from jarjestokartta.core import versions
from jarjestokartta.events import occurrences
from jarjestokartta.events.models import Event, OccurrenceChange


def _store_after_commit(event_id: int) -> None:
    # After the commit, when the admin's inlines (changes, organisers) are saved too.
    transaction.on_commit(lambda: _store(event_id))


def _store(event_id: int) -> None:
    occurrences.store([event_id])
    # The edit bumped the data version before its occurrences were stored; bump again so that
    # an API answer cached in between (under the edit's version) is never served again.
    versions.changed()


@receiver(post_save, sender=Event, dispatch_uid="events_event_saved")
def event_saved(sender: type[Event], instance: Event, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _store_after_commit(instance.pk)


@receiver(post_save, sender=OccurrenceChange, dispatch_uid="events_change_saved")
@receiver(post_delete, sender=OccurrenceChange, dispatch_uid="events_change_deleted")
def change_saved(
    sender: type[OccurrenceChange], instance: OccurrenceChange, raw: bool = False, **kwargs: Any
) -> None:
    if raw:
        return
    # One occurrence changed is a change of the calendar entry: SEQUENCE and LAST-MODIFIED grow.
    Event.objects.filter(pk=instance.event_id).update(
        sequence=F("sequence") + 1, modified=timezone.now()
    )
    _store_after_commit(instance.event_id)
