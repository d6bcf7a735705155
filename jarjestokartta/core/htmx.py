"""The request type of views that read `request.htmx`.

django-htmx's middleware (in settings.MIDDLEWARE) sets the attribute on every request; Django's
HttpRequest does not declare it, so a view that answers htmx differently says so in its type.
"""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails
