"""A short list of codes in one text column, so that both databases can filter on one code."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CodeListField(models.CharField):  # type: ignore[type-arg]
    """A list of codes from a TextChoices, stored as ",fi,sv," and read as ["fi", "sv"].

    The commas at both ends let `has_code` find one code with a plain LIKE on SQLite and
    PostgreSQL alike (a JSON list cannot be searched so on SQLite); the order is kept.
    """

    def __init__(self, *args: Any, codes: type[models.TextChoices] | None = None, **kwargs: Any):
        self.codes = codes
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        for key, value in (("max_length", 200), ("blank", True), ("default", list)):
            if kwargs.get(key) == value:
                del kwargs[key]
        return name, path, args, kwargs

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> list[str]:
        return self.to_python(value)

    def to_python(self, value: Any) -> list[str]:
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple):
            return [str(code) for code in value]
        return [code for code in str(value).strip(",").split(",") if code]

    def get_prep_value(self, value: Any) -> str:
        if isinstance(value, str):  # a lookup's operand, e.g. has_code's ",fi,"
            return value
        codes = self.to_python(value)
        return f",{','.join(codes)}," if codes else ""

    def value_to_string(self, obj: models.Model) -> str:
        return ",".join(self.value_from_object(obj))

    def validate(self, value: Any, model_instance: models.Model | None) -> None:
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")
        if self.codes is not None:
            unknown = [code for code in value if code not in self.codes.values]
            if unknown:
                raise ValidationError(
                    _("Unknown code: %(codes)s."),
                    code="unknown_code",
                    params={"codes": ", ".join(unknown)},
                )
        if len(set(value)) != len(value):
            raise ValidationError(_("A code is given twice."), code="repeated_code")

    def formfield(self, **kwargs: Any) -> Any:
        from django import forms

        if self.codes is None:
            return super().formfield(**kwargs)
        return forms.TypedMultipleChoiceField(
            choices=self.codes.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


def has_code(field: str, code: str) -> Q:
    """Rows whose code list holds the code."""
    return Q(**{f"{field}__contains": f",{code},"})
