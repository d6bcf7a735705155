"""Downloads and the API's documentation in real Chromium."""

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_filtered_region_list_downloads_as_csv_and_xlsx(browser_page, live_server, demo):
    page = browser_page(1280)
    page.goto(f"{live_server.url}/alueet/pohjois-savo/")
    page.locator("select[name=tyyppi]").select_option("network")
    page.wait_for_url("**tyyppi=network**")
    expect(page.locator("#jarjestot")).not_to_contain_text("Kuopion perheentalo")
    listed = page.locator("#jarjestot .result-list h3").all_inner_texts()

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="CSV Exceliin").click()
    assert csv_download.value.suggested_filename.startswith("jarjestot-pohjois-savo-network-")
    text = Path(csv_download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert [row[0] for row in rows[1:]] == listed and "Pohjois-Savon lapsiasiaverkosto" in listed

    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Excel-työkirja (XLSX)").click()
    with open(xlsx_download.value.path(), "rb") as handle:  # openpyxl wants .xlsx or bytes
        sheet = load_workbook(io.BytesIO(handle.read())).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == listed


def test_search_results_download(browser_page, live_server, demo):
    page = browser_page(375)
    page.goto(f"{live_server.url}/haku/?q=perhekeskus")
    first = page.locator(".result-list h2").first.inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV Exceliin").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert list(csv.reader(io.StringIO(text), delimiter=";"))[1][0] == first


def test_the_api_documentation_works_offline(browser_page, live_server, demo):
    page = browser_page(1280)
    outside = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(live_server.url) and not request.url.startswith("data:")
            else None
        ),
    )
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.get_by_text("/api/v1/organizations", exact=True).first).to_be_visible()
    expect(page.get_by_text("/api/v1/export/popolo.json", exact=True)).to_be_visible()
    assert outside == []
