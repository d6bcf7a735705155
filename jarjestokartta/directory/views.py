"""An organisation's vCard; its page, which shows its seats and memberships, is in
structures.views."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from jarjestokartta.directory import presentation
from jarjestokartta.directory.models import Organization


def organization_or_404(slug: str) -> Organization:
    """The organisation with everything its page and vCard show, or Http404."""
    return get_object_or_404(
        Organization.objects.with_details().prefetch_related("children"), slug=slug
    )


def organization_vcard(request: HttpRequest, slug: str) -> HttpResponse:
    org = organization_or_404(slug)
    card = presentation.vcard(org, request.build_absolute_uri(org.get_absolute_url()))
    response = HttpResponse(card, content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{org.slug}.vcf"'
    return response
