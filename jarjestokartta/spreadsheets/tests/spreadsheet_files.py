"""Spreadsheet files as Finnish Excel and other programs write them, made in the test."""

import csv
import io

import openpyxl

HEADERS_FI = ["Nimi", "Y-tunnus", "Kunta", "Sähköposti", "Puhelin", "Verkkosivut", "Teemat",
              "Kohderyhmät", "Kuvaus"]  # fmt: skip
HEADERS_EN = ["Name", "Business ID", "Municipality", "E-mail", "Phone", "Website", "Themes",
              "Target groups", "Abstract"]  # fmt: skip


def csv_file(rows: list[list[str]], *, delimiter: str = ";", bom: bool = True) -> bytes:
    """CSV as Excel's "CSV UTF-8" writes it: semicolons, CRLF and a byte order mark."""
    text = io.StringIO(newline="")
    csv.writer(text, delimiter=delimiter).writerows(rows)
    return ("\ufeff" if bom else "").encode() + text.getvalue().encode()


def xlsx_file(rows: list[list[object]], *, sheet: str = "Järjestöt") -> bytes:
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows:
        worksheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
