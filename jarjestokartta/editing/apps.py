from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditingConfig(AppConfig):
    name = "jarjestokartta.editing"
    verbose_name = _("Editing and moderation")

    def ready(self) -> None:
        from jarjestokartta.editing import signals  # noqa: F401 (connects the receivers)
