from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """The analysed terms of one searchable object, in four fields of falling weight.

    SQLite indexes the same terms in the FTS5 table `search_fts` (rowid = this id); PostgreSQL
    in `vector`, a weighted tsvector with a GIN index. Both are made by migration 0002, which
    knows which database it is on.
    """

    class Kind(models.TextChoices):
        ORGANIZATION = "organization", _("organisation")
        EVENT = "event", _("activity or event")

    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        help_text=_("What kind of object is found by the document."),
    )
    object_id = models.BigIntegerField(help_text=_("The id of the object found."))
    # Stored for the result list, so that showing results needs no further queries.
    title = models.CharField(max_length=300, help_text=_("Shown and sorted by when browsing."))
    popolo_id = models.CharField(max_length=200, help_text=_("The object's Popolo id."))
    slug = models.CharField(max_length=200, help_text=_("The object's slug, for its address."))
    abstract = models.TextField(blank=True, help_text=_("The object's abstract, for the results."))
    area_name = models.CharField(
        max_length=200, blank=True, help_text=_("The name of its home area, for the results.")
    )
    name_terms = models.TextField(
        blank=True, help_text=_("Analysed words of its names: they weigh the most.")
    )
    other_terms = models.TextField(blank=True, help_text=_("Other names and abbreviations."))
    body_terms = models.TextField(blank=True, help_text=_("Abstract, description, themes."))
    place_terms = models.TextField(blank=True, help_text=_("Names of the areas it is located in."))
    is_active = models.BooleanField(
        default=True, help_text=_("Whether it was active when indexed; active ones come first.")
    )
    # An event's dates, so that "from today on" is one condition on the row already read;
    # empty for an organisation, which does not happen on dates.
    first_day = models.DateField(
        null=True, blank=True, help_text=_("An event's first day; empty for an organisation.")
    )
    last_day = models.DateField(
        null=True,
        blank=True,
        help_text=_("The day an event's last occurrence ends; empty when it goes on."),
    )
    vector = SearchVectorField(
        null=True,
        editable=False,
        help_text=_("PostgreSQL's weighted full-text vector of the terms; unused on SQLite."),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"

    def all_terms(self) -> set[str]:
        return set(
            f"{self.name_terms} {self.other_terms} {self.body_terms} {self.place_terms}".split()
        )


class SearchFacet(models.Model):
    """One facet value of a document: region, municipality, classification, theme, target group."""

    document = models.ForeignKey(
        SearchDocument,
        on_delete=models.CASCADE,
        related_name="facets",
        # search_facet_of_document below begins with the document: a second index would
        # only slow the writes.
        db_index=False,
        help_text=_("The document that has the value."),
    )
    facet = models.CharField(
        max_length=20,
        help_text=_("Region, municipality, classification, event_kind, theme, target group."),
    )
    value = models.CharField(
        max_length=50, help_text=_("An area's, theme's or target group's id, or a kind.")
    )

    class Meta:
        indexes = [
            models.Index(fields=["facet", "value", "document"], name="search_facet_lookup"),
            # A document's values without reading the rows: the facet filters ask it once a
            # match (filters.Filters.exists_sql), and deleting a document's facets uses it.
            models.Index(fields=["document", "facet", "value"], name="search_facet_of_document"),
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class SearchTerm(models.Model):
    """The indexed vocabulary with document frequencies, for "did you mean …?"."""

    term = models.CharField(
        max_length=200, primary_key=True, help_text=_("An analysed word of the index.")
    )
    documents = models.IntegerField(
        default=0, help_text=_('How many documents have it, for "did you mean …?".')
    )

    def __str__(self) -> str:
        return self.term
