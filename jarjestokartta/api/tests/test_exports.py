import csv
import io
import json

import pytest
from openpyxl import load_workbook

from jarjestokartta.directory.models import Organization
from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.events.models import Event
from jarjestokartta.popolo.importer import popolo_import
from jarjestokartta.popolo.public import PLACEHOLDER_NAME
from jarjestokartta.structures.models import Membership, Person

pytestmark = pytest.mark.django_db


def download(client, url: str, params=None) -> bytes:
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content) if response.streaming else response.content


def popolo(client, **params) -> dict:
    return json.loads(download(client, "/api/v1/export/popolo.json", params))


def test_the_whole_public_export_has_everyone_who_agreed_and_nobody_else(client, demo, demo_data):
    document = popolo(client)
    assert [len(document[c]) for c in ("organizations", "posts", "memberships")] == [
        len(demo_data[c]) for c in ("organizations", "posts", "memberships")
    ]
    private = [p for p in demo_data["persons"] if not p.get("public")]
    text = json.dumps(document, ensure_ascii=False)
    for person in private:
        assert person["id"] not in text
    public = [p for p in document["persons"] if p.get("public")]
    assert {p["id"] for p in public} == {"anne-aholainen", "henna-ovaskainen"}
    placeholders = [p for p in document["persons"] if not p.get("public")]
    held = Membership.objects.filter(person__is_public=False).count()
    assert len(placeholders) == held and {p["name"] for p in placeholders} == {PLACEHOLDER_NAME}


def test_a_private_persons_name_and_contacts_never_leave(client, demo):
    person = Person.objects.create(popolo_id="maija", name="Maija Meikäläinen", is_public=False)
    person.contact_details.create(type="phone", value="040 765 4321")
    body = Organization.objects.get(popolo_id="pohjois-savon-jarjestoneuvosto")
    Membership.objects.create(organization=body, person=person, label="Sihteeri")
    for url in ("/api/v1/export/popolo.json", "/api/v1/memberships", "/api/v1/persons"):
        text = download(client, url, {"per_page": 500} if "export" not in url else {})
        text = text.decode()
        assert "Meik" not in text and "765 4321" not in text and '"maija"' not in text
    assert "Sihteeri" in download(client, "/api/v1/export/popolo.json").decode()


def test_the_export_reads_back_into_an_empty_database(client, demo):
    text = download(client, "/api/v1/export/popolo.json", {"region": "pohjois-savo"})
    document = json.loads(text)
    Event.objects.all().delete()
    Membership.objects.all().delete()
    Person.objects.all().delete()
    Organization.objects.all().delete()
    counts = popolo_import(text)
    assert counts["organizations"]["created"] == len(document["organizations"])
    assert counts["memberships"]["created"] == len(document["memberships"])
    assert not Person.objects.filter(name="Anne Aholainen", is_public=False).exists()


def test_a_region_export_holds_the_region_and_what_it_refers_to(client, demo):
    document = popolo(client, region="pohjois-savo")
    ids = {o["id"] for o in document["organizations"]}
    assert {"pssotu", "pohjois-savon-jarjestoneuvosto", "posote20-ohjaus-ja-seurantaryhma"} <= ids
    assert "jane" not in ids
    membership_ids = {m["id"] for m in document["memberships"]}
    person_ids = {p["id"] for p in document["persons"]}
    post_ids = {p["id"] for p in document["posts"]}
    for m in document["memberships"]:
        assert m["organization_id"] in ids
        assert m.get("member", {}).get("id", next(iter(ids))) in ids
        assert m.get("person_id", next(iter(person_ids), None)) in person_ids | {None}
        for key in ("on_behalf_of_id", "appointed_by_id"):
            assert m.get(key, "pssotu") in ids
        assert m.get("deputy_of_id", m["id"]) in membership_ids
        assert m.get("post_id", next(iter(post_ids), None)) in post_ids | {None}
    for o in document["organizations"]:
        assert o.get("parent_id", o["id"]) in ids
    assert popolo(client, region="11") == document


def test_an_unknown_region_is_a_422(client, demo):
    response = client.get("/api/v1/export/popolo.json", {"region": "atlantis"})
    assert response.status_code == 422
    assert "atlantis" in response.json()["detail"]


def test_the_csv_opens_in_excel_and_reads_back(client, demo):
    content = download(client, "/api/v1/organizations.csv", {"region": "pohjois-savo"})
    assert content.startswith(b"\xef\xbb\xbf")  # the byte order mark Excel needs for UTF-8
    table = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    header, rows = table[0], table[1:]
    listed = client.get("/api/v1/organizations", {"region": "pohjois-savo", "per_page": 500}).json()
    assert [row[header.index("Nimi")] for row in rows] == [o["name"] for o in listed["contents"]]
    council = next(row for row in rows if row[-1] == "pohjois-savon-jarjestoneuvosto")
    assert council[header.index("Tyyppi")] == "neuvosto"
    assert council[header.index("Sivu Järjestökartassa")].startswith("http://testserver/jarjestot/")
    assert "Pohjois-Savon järjestöneuvosto" in content.decode("utf-8-sig")


def test_the_csv_and_xlsx_never_carry_a_formula(client, db):
    OrganizationFactory(name='=HYPERLINK("http://evil")', abstract="+358 40 123 4567")
    content = download(client, "/api/v1/organizations.csv").decode("utf-8-sig")
    row = list(csv.reader(io.StringIO(content), delimiter=";"))[1]
    assert row[0] == '\'=HYPERLINK("http://evil")' and row[6] == "'+358 40 123 4567"

    book = load_workbook(io.BytesIO(download(client, "/api/v1/organizations.xlsx")))
    cell = book.active["A2"]
    assert cell.value == '=HYPERLINK("http://evil")' and cell.data_type == "s"


def test_the_xlsx_has_the_same_rows_as_the_csv(client, demo):
    params = {"theme": "lapset-ja-perheet", "municipality": "kuopio"}
    content = download(client, "/api/v1/organizations.csv", params).decode("utf-8-sig")
    from_csv = list(csv.reader(io.StringIO(content), delimiter=";"))
    sheet = load_workbook(io.BytesIO(download(client, "/api/v1/organizations.xlsx", params))).active
    from_xlsx = [[value or "" for value in row] for row in sheet.iter_rows(values_only=True)]
    assert from_xlsx == from_csv and len(from_csv) > 1
    assert sheet.title == "Järjestöt"


def test_download_filters_are_the_list_filters(client, demo):
    bad = client.get("/api/v1/organizations.csv", {"theme": "ei-teemaa"})
    assert bad.status_code == 422
    bad = client.get("/api/v1/organizations.xlsx", {"active_on": "eilen"})
    assert bad.status_code == 400
    response = client.get("/api/v1/organizations.csv", {"region": "pohjois-savo"})
    assert 'filename="jarjestot-pohjois-savo-' in response["Content-Disposition"]


def test_the_region_page_downloads_what_it_lists(client, demo):
    page = client.get("/alueet/pohjois-savo/", {"tyyppi": "network"}).content.decode()
    assert "/alueet/pohjois-savo/jarjestot.csv?tyyppi=network" in page
    content = download(client, "/alueet/pohjois-savo/jarjestot.csv", {"tyyppi": "network"})
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))[1:]
    networks = client.get(
        "/api/v1/organizations", {"region": "pohjois-savo", "classification": "network"}
    ).json()
    assert sorted(row[-1] for row in rows) == sorted(o["id"] for o in networks["contents"])
    sheet = load_workbook(
        io.BytesIO(download(client, "/alueet/pohjois-savo/jarjestot.xlsx", {"tyyppi": "network"}))
    ).active
    assert sheet.max_row == len(rows) + 1
    assert client.get("/alueet/pohjois-savo/jarjestot.pdf").status_code == 404


def test_the_search_page_downloads_its_results_best_first(client, demo):
    page = client.get("/haku/", {"q": "perhekeskus"}).content.decode()
    assert "/haku/jarjestot.xlsx?q=perhekeskus" in page
    shown = client.get("/api/v1/search", {"q": "perhekeskus", "limit": 100}).json()
    content = download(client, "/haku/jarjestot.csv", {"q": "perhekeskus"})
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))[1:]
    assert [row[-1] for row in rows] == [r["id"] for r in shown["results"]]
    assert client.get("/haku/jarjestot.csv", {"region": "atlantis"}).status_code == 400
