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

    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.BigIntegerField()
    # Stored for the result list, so that showing results needs no further queries.
    title = models.CharField(max_length=300, help_text="Shown and sorted by when browsing.")
    popolo_id = models.CharField(max_length=200)
    slug = models.CharField(max_length=200)
    abstract = models.TextField(blank=True)
    area_name = models.CharField(max_length=200, blank=True)
    name_terms = models.TextField(blank=True)
    other_terms = models.TextField(blank=True, help_text="Other names and abbreviations.")
    body_terms = models.TextField(blank=True, help_text="Abstract, description, themes.")
    place_terms = models.TextField(blank=True, help_text="Names of the areas it is located in.")
    is_active = models.BooleanField(default=True)
    vector = SearchVectorField(null=True, editable=False)

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

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=50)

    class Meta:
        indexes = [
            models.Index(fields=["facet", "value", "document"], name="search_facet_lookup"),
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class SearchTerm(models.Model):
    """The indexed vocabulary with document frequencies, for "did you mean …?"."""

    term = models.CharField(max_length=200, primary_key=True)
    documents = models.IntegerField(default=0)

    def __str__(self) -> str:
        return self.term
