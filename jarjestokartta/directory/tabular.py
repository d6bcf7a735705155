"""Organisation lists as spreadsheets (CSV and XLSX), public data only.

The CSV is written for Excel as Finnish offices use it: UTF-8 with a byte order mark (without
it Excel reads "ä" as "Ã¤") and semicolons between fields (Finnish Excel takes the comma as the
decimal sign and would put a whole row in one cell). A value that Excel would run as a formula
(=, +, -, @ first) gets an apostrophe in front in the CSV; in the XLSX every value is stored as
text, so nothing is ever run.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from jarjestokartta.core.addresses import site_root
from jarjestokartta.directory.links import organization_urls
from jarjestokartta.directory.models import Organization

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def headers() -> list[str]:
    return [
        _("Name"),
        _("Kind"),
        _("Home municipality"),
        _("Areas of operation"),
        _("Themes"),
        _("Target groups"),
        _("Abstract"),
        _("E-mail"),
        _("Phone"),
        _("Address"),
        _("Web sites"),
        _("Business ID"),
        _("Register of associations number"),
        _("Founded"),
        _("Dissolved"),
        _("Last verified"),
        _("Page in Järjestökartta"),
        _("Identifier"),
    ]


def _joined(values: Iterable[str]) -> str:
    return "; ".join(value for value in values if value)


def row(org: Organization, page_url: str) -> list[str]:
    """One organisation's public facts, in the order of headers()."""
    contacts = list(org.contact_details.all())
    identifiers = list(org.identifiers.all())

    def contact(kind: str) -> str:
        return _joined(c.value for c in contacts if c.type == kind)

    def identifier(scheme: str) -> str:
        return _joined(i.identifier for i in identifiers if i.scheme == scheme)

    return [
        org.name,
        org.get_classification_display(),
        org.area.name if org.area_id else "",
        _joined(sorted(a.name for a in org.operating_areas.all())),
        _joined(t.name for t in org.themes.all()),
        _joined(t.name for t in org.target_groups.all()),
        org.abstract,
        contact("email"),
        contact("phone"),
        contact("address"),
        _joined(link.url for link in org.links.all()),
        identifier("ytunnus"),
        identifier("yhdistysrekisteri"),
        org.founding_date,
        org.dissolution_date,
        org.last_verified.isoformat() if org.last_verified else "",
        page_url.format(org.slug),
        org.popolo_id,
    ]


def rows(organizations, page_url: str) -> Iterator[list[str]]:
    """Rows in chunks, so that a region of the national data never sits in memory at once."""
    for org in organizations.with_details().iterator(chunk_size=1000):
        yield row(org, page_url)


def _csv_safe(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class _Line:
    """csv.writer writes into this and gets the line back: one line per streamed chunk."""

    def write(self, text: str) -> str:
        return text


def csv_lines(table: Iterable[list[str]], header: list[str] | None = None) -> Iterator[str]:
    """The table's lines under `header` (the organisations' columns when None)."""
    writer = csv.writer(_Line(), delimiter=";", lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(headers() if header is None else header)
    for values in table:
        yield writer.writerow([_csv_safe(value) for value in values])


def _text_cell(sheet, value: str, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"  # never a formula, however the value begins
    if bold:
        cell.font = Font(bold=True)
    return cell


def xlsx_bytes(table: Iterable[list[str]], title: str, header: list[str] | None = None) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJKLMNOPQR", (40, 18, 16, 30, 30, 24, 50), strict=False):
        sheet.column_dimensions[letter].width = width
    columns = headers() if header is None else header
    sheet.append([_text_cell(sheet, name, bold=True) for name in columns])
    for values in table:
        sheet.append([_text_cell(sheet, value) for value in values])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def page_url(request: HttpRequest) -> str:
    """An organisation page's absolute address, {} for the slug: the files are read elsewhere."""
    base = site_root(request)
    return base + organization_urls()("{}")  # "{}" where the slug goes


def download(table: Iterable[list[str]], format: str, filename: str) -> HttpResponse:
    """The rows as a CSV (streamed) or XLSX attachment."""
    if format == "csv":
        response: HttpResponse = StreamingHttpResponse(csv_lines(table), content_type=CSV_TYPE)
    else:
        response = HttpResponse(xlsx_bytes(table, _("Organisations")), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{format}"'
    return response


def organizations_download(
    organizations, request: HttpRequest, format: str, filename: str
) -> HttpResponse:
    return download(rows(organizations, page_url(request)), format, filename)


def filename(*parts: str, day: date) -> str:
    """A download's name from the filters it was made with (slugified: it goes in a header)."""
    words = [slugify(part) for part in parts[:4]]
    return "-".join(["jarjestot", *[word for word in words if word], day.isoformat()])
