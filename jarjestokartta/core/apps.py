from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "jarjestokartta.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from jarjestokartta.core import versions

        versions.connect()
