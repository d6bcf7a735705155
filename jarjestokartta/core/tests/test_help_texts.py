"""Every field an editor or an API reader meets says what it means, in all three languages.

The help texts are the admin's and the data's documentation (STYLE.md): a field added without
one fails here. The apps are found through the app registry, so core imports none of them.
"""

from collections.abc import Iterator
from typing import Any, TypeAlias

import pytest
from django.apps import apps
from django.db import models
from django.db.models.fields.reverse_related import ForeignObjectRel
from django.utils import translation
from simple_history.models import HistoricalChanges

PUBLIC_APPS = ["core", "geography", "directory", "structures", "search"]

# What needs no help text, and why:
# - fields Django makes itself (`auto_created`): the automatic primary key `id` and the reverse
#   side of every relation, which no one edits and the forward field already explains;
# - the history models of django-simple-history (Historical…): their fields are copies of the
#   model's own, checked there, plus the library's bookkeeping (history_id, history_date,
#   history_type, history_change_reason, history_user).
EXEMPT: set[str] = set()  # "app_label.Model.field" of any other field that needs none

Field: TypeAlias = "models.Field[Any, Any] | ForeignObjectRel"


def _public_fields() -> Iterator[tuple[str, Field]]:
    for label in PUBLIC_APPS:
        for model in apps.get_app_config(label).get_models():
            if issubclass(model, HistoricalChanges):
                continue
            for field in model._meta.get_fields():
                name = f"{model._meta.label}.{field.name}"
                if not field.auto_created and name not in EXEMPT:
                    yield name, field


def _help_text(field: Field) -> str:
    return str(getattr(field, "help_text", "")).strip()


def test_the_walk_reaches_the_models_of_every_public_app():
    names = {name for name, _ in _public_fields()}
    assert {
        "core.DataVersion.number",
        "geography.Area.name",
        "directory.Organization.themes",
        "structures.Membership.role",
        "search.SearchTerm.documents",
    } <= names
    assert "directory.Organization.id" not in names  # automatic
    assert not any(name.split(".")[1].startswith("Historical") for name in names)


def test_every_public_model_field_has_a_help_text():
    with translation.override("en"):
        missing = [name for name, field in _public_fields() if not _help_text(field)]
    assert missing == []


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_help_text_is_translated(language):
    untranslated = []
    for name, field in _public_fields():
        with translation.override("en"):
            english = _help_text(field)
        with translation.override(language):
            translated = _help_text(field)
        if english and translated == english:
            untranslated.append(f"{name}: {english}")
    assert untranslated == []
