"""An event's VEVENTs kept ready as the feeds write them (events/feed_texts.py).

A region's month nationally is 13,000 events: made from their rows each time, a feed took half
a millisecond an event. The text depends only on the event's own fields, its occurrence changes,
its municipality's name and the page address, so each row says what it was made from, and a
feed uses a row only while the event still has that `modified`, `sequence` and municipality
name: an edit anywhere (the admin, a model save, a change's signal, an import) makes the row
unused at once, whether or not anything deletes it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FeedText(models.Model):
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="+",
        # The unique (event, page) below serves every look-up by event.
        db_index=False,
        help_text=_("The activity or event the text is of."),
    )
    # The page addresses as a pattern with {slug}: the address comes from the request's host,
    # so each host the site answers on has rows of its own.
    page = models.CharField(max_length=300, help_text=_("The event pages' address pattern."))
    modified = models.DateTimeField(help_text=_("The event's modified when the text was made."))
    sequence = models.PositiveIntegerField(
        help_text=_("The event's revision when the text was made.")
    )
    town = models.CharField(
        max_length=200, blank=True, help_text=_("The municipality's name the text shows.")
    )
    # UTF-8 as the feed sends it: read as bytes, a region's month is neither decoded nor
    # encoded again.
    text = models.BinaryField(help_text=_("The VEVENTs, each ending in CRLF, in UTF-8."))

    class Meta:
        verbose_name = _("feed text")
        verbose_name_plural = _("feed texts")
        constraints = [
            models.UniqueConstraint(fields=["event", "page"], name="events_feedtext_one_per_page")
        ]

    def __str__(self) -> str:
        return f"{self.event_id} @ {self.page}"
