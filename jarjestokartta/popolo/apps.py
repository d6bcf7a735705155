from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PopoloConfig(AppConfig):
    name = "jarjestokartta.popolo"
    verbose_name = _("Popolo import and export")
