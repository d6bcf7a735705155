"""A spreadsheet file's bytes as a header and rows of text (CSV in UTF-8, or XLSX).

What Finnish Excel writes is a semicolon CSV in UTF-8 with a byte order mark ("CSV UTF-8"),
or an XLSX workbook; other programs write comma CSV. The format is told from the bytes, not
from the file's name, which people rename. Everything that cannot be read becomes an
`UnreadableSpreadsheet` with a message a coordinator can act on, never a traceback.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 100
XLSX_MAGIC = b"PK\x03\x04"
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"


class SpreadsheetError(Exception):
    """The file as a whole cannot be imported; the message says why in the user's language."""


class UnreadableSpreadsheet(SpreadsheetError):
    """The file cannot be read as a spreadsheet."""


@dataclass(frozen=True)
class Table:
    headers: list[str]
    # (the row's number as the spreadsheet program shows it, its cells as text)
    rows: list[tuple[int, list[str]]]


def check_size(size: int) -> None:
    """Refuses a file too large to import, before it is read (the command checks first)."""
    if size > MAX_BYTES:
        raise UnreadableSpreadsheet(
            _("The file is too large (%(size)s MB); at most %(limit)s MB can be imported at once.")
            % {"size": _megabytes(size), "limit": _megabytes(MAX_BYTES)}
        )


def read_table(data: bytes, *, sheet: str | None = None) -> Table:
    check_size(len(data))
    if not data.strip():
        raise UnreadableSpreadsheet(_("The file is empty."))
    if data.startswith(OLD_EXCEL_MAGIC):
        raise UnreadableSpreadsheet(
            _(
                "The file is in the old Excel format (.xls). Save it in Excel as "
                "“Excel Workbook (.xlsx)” or “CSV UTF-8” and try again."
            )
        )
    if data.startswith(XLSX_MAGIC):
        return _table(_xlsx_rows(data, sheet))
    if sheet:
        raise UnreadableSpreadsheet(_("A sheet can only be chosen in an XLSX file."))
    return _table(_csv_rows(data))


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def _csv_rows(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableSpreadsheet(
            _(
                "The file is not in UTF-8 (it may be in Windows-1252 or Latin-1, Excel's "
                "plain “CSV” format). Save it in Excel as “CSV UTF-8 (comma delimited)” or as "
                "an XLSX workbook and try again."
            )
        ) from None
    if "\x00" in text:
        raise UnreadableSpreadsheet(
            _("The file is neither a CSV file nor an XLSX workbook: it cannot be read.")
        )
    first_line, _newline, rest = text.lstrip("\r\n").partition("\n")
    given = re.fullmatch(r"sep=(.)\r?", first_line)
    if given:
        # Excel's own hint, "sep=;" on a line of its own before the header.
        delimiter, text = given.group(1), rest
    else:
        # The header line decides: Finnish Excel separates with semicolons, others with commas.
        delimiter = max((";", ",", "\t"), key=first_line.count)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise UnreadableSpreadsheet(
            _("The CSV file cannot be read: %(error)s.") % {"error": error}
        ) from None


def _xlsx_rows(data: bytes, sheet: str | None) -> list[list[str]]:
    import openpyxl  # only XLSX needs it: keeps reading a CSV light

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise UnreadableSpreadsheet(
            _("The XLSX file is damaged or not an Excel workbook: it cannot be read.")
        ) from None
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            raise UnreadableSpreadsheet(
                _("The workbook has no sheet “%(sheet)s”; its sheets are: %(sheets)s.")
                % {"sheet": sheet, "sheets": ", ".join(workbook.sheetnames)}
            )
        rows = []
        for values in worksheet.iter_rows(values_only=True):
            rows.append([_cell_text(value) for value in values[:MAX_COLUMNS]])
            if len(rows) > MAX_ROWS + 1:
                break  # _table says the file is too long
        return rows
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise UnreadableSpreadsheet(
            _("The XLSX file is damaged or not an Excel workbook: it cannot be read.")
        ) from None
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number typed into a cell: 5 rather than 5.0
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _table(raw_rows: list[list[str]]) -> Table:
    numbered = [
        (number, [cell.strip() for cell in cells])
        for number, cells in enumerate(raw_rows, start=1)
        if any(cell.strip() for cell in cells)
    ]
    if not numbered:
        raise UnreadableSpreadsheet(_("The file has no rows."))
    (_header_number, headers), *rows = numbered
    if len(rows) > MAX_ROWS:
        raise UnreadableSpreadsheet(
            _(
                "The file has more than %(limit)s rows of organisations; split it into "
                "several files of at most %(limit)s rows."
            )
            % {"limit": MAX_ROWS}
        )
    if len(headers) > MAX_COLUMNS:
        raise UnreadableSpreadsheet(
            _("The file has more than %(limit)s columns.") % {"limit": MAX_COLUMNS}
        )
    width = len(headers)
    return Table(
        headers=headers,
        rows=[(number, (cells + [""] * width)[:width]) for number, cells in rows],
    )
