"""event_problems shown in a ModelForm of an Event: at the form's own fields, in words, once.

Shared by the admin's form and the self-service forms to come. A form that shows a model
field under another name (start as a date and a time) says so in `shown_at`.
"""

from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from jarjestokartta.events.models import Event
from jarjestokartta.events.validation import event_problems


class EventProblemsShown(forms.BaseForm):
    """A mixin for a ModelForm of Event, before forms.ModelForm in the bases."""

    shown_at: dict[str, str] = {}
    instance: Event
    _errors: Any

    def _update_errors(self, errors: ValidationError) -> None:
        # Event.clean may raise event_problems' errors, keyed by model fields this form shows
        # under other names (start as first_date …) or not at all: Django would refuse those.
        if hasattr(errors, "error_dict"):
            shown: dict[str, list[ValidationError]] = {}
            for name, messages in errors.error_dict.items():
                target = self.shown_at.get(name, name)
                if target not in self.fields:
                    target = NON_FIELD_ERRORS
                shown.setdefault(target, []).extend(messages)
            errors = ValidationError(shown)
        super()._update_errors(errors)

    def _post_clean(self) -> None:
        # The model's own check of its constraints runs here, and names a broken one only by
        # its name; where event_problems says the same in words, the words are shown instead.
        super()._post_clean()
        problems = event_problems(self.instance)
        if not problems:
            return
        self._drop_constraint_errors()
        for name, messages in problems.items():
            shown = self.shown_at.get(name, name)
            target = shown if shown in self.fields else None
            for message in messages:
                if message not in self.errors.get(target or NON_FIELD_ERRORS, []):
                    self.add_error(target, message)

    def _drop_constraint_errors(self) -> None:
        named = {
            str(constraint.get_violation_error_message()) for constraint in Event._meta.constraints
        }
        general = self._errors.get(NON_FIELD_ERRORS)
        if not general:
            return
        kept = [error for error in general.as_data() if not set(error.messages) & named]
        if kept:
            self._errors[NON_FIELD_ERRORS] = self.error_class(kept, error_class="nonfield")
        else:
            del self._errors[NON_FIELD_ERRORS]
