from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StructuresConfig(AppConfig):
    name = "jarjestokartta.structures"
    verbose_name = _("Cooperation structures")
