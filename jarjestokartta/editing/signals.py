"""A deleted organisation leaves its last version behind, so that it can be restored."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils.translation import gettext as _

from jarjestokartta.directory.models import Organization
from jarjestokartta.editing.document import snapshot
from jarjestokartta.editing.models import Version


@receiver(pre_delete, sender=Organization)
def keep_the_deleted(sender, instance: Organization, **kwargs) -> None:
    from simple_history.models import HistoricalRecords

    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    # As saved, not as this (perhaps stale) object holds it.
    instance = Organization.objects.filter(pk=instance.pk).first() or instance
    Version.objects.create(
        organization=None,
        organization_key=instance.pk,
        name=instance.name,
        document={**snapshot(instance), "slug": instance.slug, "popolo_id": instance.popolo_id},
        user=user if user is not None and user.is_authenticated else None,
        note=_("deleted"),
        is_deletion=True,
    )
