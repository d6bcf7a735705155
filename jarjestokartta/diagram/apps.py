from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiagramConfig(AppConfig):
    name = "jarjestokartta.diagram"
    verbose_name = _("Structure diagram")
