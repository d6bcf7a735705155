"""Column names for the raw SQL of bulk writes and version reads.

Django types a field's `column` as optional: many-to-many fields and reverse relations have
none. The raw SQL here only ever names fields stored in the model's own table, so these helpers
say so once and refuse anything else with a clear error instead of writing `None` into SQL.
"""

from typing import Any

from django.db import models


def concrete_field(model: type[models.Model], name: str) -> "models.Field[Any, Any]":
    """The model's field of that name that has a column in the model's table."""
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field) or not field.concrete:
        raise TypeError(f"{model.__name__}.{name} is not a column of {model._meta.db_table}")
    return field


def column_name(field: "models.Field[Any, Any]") -> str:
    """The name of the column that holds a concrete field."""
    if field.column is None:
        raise TypeError(f"{field.name} has no database column")
    return field.column
