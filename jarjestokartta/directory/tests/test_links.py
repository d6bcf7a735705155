import pytest
from django.urls import clear_script_prefix, set_script_prefix

from jarjestokartta.directory.links import organization_urls
from jarjestokartta.directory.models import Organization

SLUGS = ["pohjois-savon-jarjestoneuvosto", "a", "kuopion-perheentalo-2", "slug_with_underscore"]


def test_an_organisation_knows_its_page():
    assert Organization(slug="jane").get_absolute_url() == "/jarjestot/jane/"


@pytest.mark.parametrize("slug", SLUGS)
def test_the_fast_addresses_are_those_of_get_absolute_url(slug):
    assert organization_urls()(slug) == Organization(slug=slug).get_absolute_url()


def test_the_fast_addresses_follow_the_script_prefix_when_made():
    set_script_prefix("/kartta/")
    try:
        url = organization_urls()
        assert (
            url("jane") == "/kartta/jarjestot/jane/" == Organization(slug="jane").get_absolute_url()
        )
    finally:
        clear_script_prefix()
    assert organization_urls()("jane") == "/jarjestot/jane/"


def test_the_admin_offers_the_public_page(admin_client, demo):
    council = Organization.objects.get(popolo_id="pohjois-savon-jarjestoneuvosto")
    html = admin_client.get(f"/admin/directory/organization/{council.pk}/change/").content.decode()
    assert "/r/" in html  # Django's "view on site" link, which redirects to get_absolute_url
    response = admin_client.get(f"/admin/r/{_content_type(council)}/{council.pk}/")
    assert response.status_code == 302
    assert response["Location"].endswith("/jarjestot/pohjois-savon-jarjestoneuvosto/")


def _content_type(org: Organization) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(org).pk
