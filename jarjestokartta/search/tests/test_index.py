"""The index follows every save, delete and import."""

import io
import json

import pytest
from django.core.management import call_command

from jarjestokartta.directory.models import Organization, OtherName, Theme
from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.geography.models import Area
from jarjestokartta.popolo.checking import ImportProblems
from jarjestokartta.popolo.importer import popolo_import
from jarjestokartta.search.engine import search
from jarjestokartta.search.filters import Filters
from jarjestokartta.search.models import SearchDocument, SearchTerm

pytestmark = pytest.mark.django_db


def found(q: str, **filters: list[str]) -> list[int]:
    return [hit[2] for hit in search(q, Filters(filters), 50, 0).hits]


def test_a_new_organisation_is_found_at_once():
    org: Organization = OrganizationFactory.create(
        name="Kuopion Omaishoitajat ry", slug="kuopion-omaishoitajat"
    )
    assert found("omaishoitajien") == [org.pk]


def test_a_renamed_organisation_is_found_by_its_new_name_only():
    org: Organization = OrganizationFactory.create(name="Vanhat Toverit", slug="toverit")
    org.name = "Uudet Ystävät"
    org.save()
    assert found("ystävät") == [org.pk]
    assert found("toverit") == []


def test_a_deleted_organisation_leaves_the_index():
    org: Organization = OrganizationFactory.create(name="Eläkeläiset ry", slug="elakelaiset")
    org.delete()
    assert found("eläkeläiset") == []
    assert not SearchDocument.objects.exists()
    assert not SearchTerm.objects.filter(term="eläkeläinen").exists()


def test_an_added_abbreviation_finds_the_organisation():
    org: Organization = OrganizationFactory.create(
        name="Keski-Suomen Yhteisöjen Tuki ry", slug="kyt"
    )
    OtherName.objects.create(organization=org, name="KYT", kind="abbreviation")
    assert found("KYT") == [org.pk]


def test_themes_and_areas_are_indexed_when_they_change():
    org: Organization = OrganizationFactory.create(name="Perhekahvila Tupa", slug="tupa")
    theme = Theme.objects.create(name="Lapset ja perheet", slug="lapset-ja-perheet")
    org.themes.add(theme)
    org.operating_areas.add(Area.objects.get(popolo_id="kunta:749"))
    assert found("perheet") == [org.pk]
    assert found("Siilinjärvellä") == [org.pk]
    theme.name = "Vanhemmuus"
    theme.save()
    assert found("vanhemmuus") == [org.pk]


def test_an_import_indexes_everything_it_wrote(demo, demo_data):
    kinds = SearchDocument.objects.values_list("kind", flat=True)
    assert list(kinds).count(SearchDocument.Kind.ORGANIZATION) == len(demo_data["organizations"])
    # The demo's events are all published: each is found.
    assert list(kinds).count(SearchDocument.Kind.EVENT) == len(demo_data["events"])
    jane = Organization.objects.get(popolo_id="jane")
    assert found("neuvottelukunta")[:1] == [jane.pk]


def test_a_failed_import_leaves_the_index_as_it_was(demo):
    before = sorted(SearchDocument.objects.values_list("object_id", "name_terms"))
    bad = {"organizations": [{"id": "jane", "name": "Uusi nimi", "classification": ""}]}
    with pytest.raises(ImportProblems):
        popolo_import(json.dumps(bad))
    assert sorted(SearchDocument.objects.values_list("object_id", "name_terms")) == before


def test_the_vocabulary_counts_stay_true_through_changes(demo):
    org = Organization.objects.get(popolo_id="pssotu")
    org.name = "Pohjois-Savon Sosiaaliturvayhdistys ja Kumppanit ry"
    org.save()
    Organization.objects.get(popolo_id="kyt").delete()
    counted = dict(SearchTerm.objects.values_list("term", "documents"))
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    assert dict(SearchTerm.objects.values_list("term", "documents")) == counted


def test_rebuild_search_index_reports_what_it_indexed(demo, demo_data, capsys):
    call_command("rebuild_search_index", "--no-progress")
    assert f"Indexed {len(demo_data['organizations'])} organisations." in capsys.readouterr().out
    assert found("JANE")
