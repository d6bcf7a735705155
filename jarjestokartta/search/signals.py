"""The index follows every save and delete of what it indexes."""

from collections.abc import Set

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from jarjestokartta.directory.models import Organization, OtherName, TargetGroup, Theme
from jarjestokartta.events.models import Event
from jarjestokartta.search import index


@receiver(post_save, sender=Organization)
def organization_saved(
    sender: type[Organization], instance: Organization, raw: bool = False, **kwargs: object
) -> None:
    if not raw:
        index.organization_changed(instance.pk)
        # Its events are found by its name too.
        index.events_changed(instance.organized_events.values_list("pk", flat=True))


@receiver(post_delete, sender=Organization)
def organization_deleted(
    sender: type[Organization], instance: Organization, **kwargs: object
) -> None:
    index.remove_organizations([instance.pk])


@receiver(post_save, sender=OtherName)
@receiver(post_delete, sender=OtherName)
def other_name_changed(
    sender: type[OtherName], instance: OtherName, raw: bool = False, **kwargs: object
) -> None:
    if not raw and Organization.objects.filter(pk=instance.organization_id).exists():
        index.organization_changed(instance.organization_id)


def _relation_changed(
    sender: type[models.Model],
    instance: models.Model,
    action: str,
    reverse: bool,
    pk_set: Set[int] | None,
    **kwargs: object,
) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        index.organization_changed(instance.pk)
    elif pk_set:
        with index.deferred():
            for pk in pk_set:
                index.organization_changed(pk)


for relation in (Organization.themes, Organization.target_groups, Organization.operating_areas):
    m2m_changed.connect(_relation_changed, sender=relation.through, weak=False)


@receiver(post_save, sender=Theme)
@receiver(post_save, sender=TargetGroup)
def term_renamed(
    sender: type[Theme | TargetGroup],
    instance: Theme | TargetGroup,
    created: bool,
    raw: bool = False,
    **kwargs: object,
) -> None:
    if created or raw:
        return
    with index.deferred():
        for pk in instance.organization_set.values_list("pk", flat=True):
            index.organization_changed(pk)
        index.events_changed(instance.events.values_list("pk", flat=True))


@receiver(post_save, sender=Event)
def event_saved(sender: type[Event], instance: Event, raw: bool = False, **kwargs: object) -> None:
    if not raw:
        index.events_changed([instance.pk])


@receiver(post_delete, sender=Event)
def event_deleted(sender: type[Event], instance: Event, **kwargs: object) -> None:
    index.remove_events([instance.pk])


def _event_relation_changed(
    sender: type[models.Model],
    instance: models.Model,
    action: str,
    reverse: bool,
    pk_set: Set[int] | None,
    **kwargs: object,
) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        index.events_changed([instance.pk])
    elif pk_set:
        index.events_changed(pk_set)


for event_relation in (Event.themes, Event.target_groups):
    m2m_changed.connect(_event_relation_changed, sender=event_relation.through, weak=False)
