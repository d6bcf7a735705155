"""Importing a spreadsheet of organisations: checked as a whole, then all of it or nothing."""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils.translation import gettext as _

from jarjestokartta.spreadsheets import columns as columns_
from jarjestokartta.spreadsheets.checking import (
    Problem,
    RowChecker,
    RowValues,
    Vocabulary,
)
from jarjestokartta.spreadsheets.matching import Plan, plan
from jarjestokartta.spreadsheets.reading import read_table
from jarjestokartta.spreadsheets.writing import write_plan

REASON = "taulukkotuonti: {filename}"  # the history's change reason, in the editors' language


@dataclass
class ImportReport:
    filename: str
    ignored: list[str]
    plan: Plan
    problems: list[Problem]
    rows: int
    digest: str  # names exactly what would be written (see `organizations_import`)
    written: bool = False
    # The data changed between the preview and the confirmation: nothing was written.
    stale: bool = False
    header_of: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.stale


def organizations_import(
    *,
    data: bytes,
    filename: str,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
    dry_run: bool,
    expected_digest: str | None = None,
    user: AbstractBaseUser | AnonymousUser | None = None,
    progress: Callable[[int], None] = lambda n: None,
    planned: Callable[[int], None] = lambda n: None,
) -> ImportReport:
    """Check every row and, unless `dry_run` or anything is wrong, write them all in one
    transaction. SpreadsheetError when the file as a whole cannot be read.

    `expected_digest` is the digest of a preview: when what would be written now differs from
    what was previewed (someone edited an organisation in between), nothing is written.
    """
    table = read_table(data, sheet=sheet)
    found = columns_.recognise(table.headers, mapping or {})
    header_of = {code: table.headers[position] for code, position in found.index.items()}
    problems = [Problem(None, header, message) for header, message in found.problems]
    checker = RowChecker(table.headers, found, Vocabulary())
    planned(len(table.rows))
    with transaction.atomic():
        checked: list[RowValues] = []
        for number, cells in table.rows:
            values, row_problems = checker.check(number, cells)
            problems += row_problems
            if values is not None:
                checked.append(values)
            progress(1)
        result = plan(checked, header_of)
        problems += result.problems
        # In the order of the file: by row, then by the column's place in it.
        place = {header: position for position, header in enumerate(table.headers)}
        problems.sort(key=lambda problem: (problem.row or 0, place.get(problem.column, -1)))
        report = ImportReport(
            filename=filename,
            ignored=found.ignored + _unnamed_columns_with_data(table.headers, table.rows),
            plan=result,
            problems=problems,
            rows=len(table.rows),
            digest=_digest(result),
            header_of=header_of,
        )
        if expected_digest is not None and expected_digest != report.digest:
            report.stale = True
        if dry_run or not report.ok:
            return report
        planned(len(result.creations) + len(result.updates))
        write_plan(result, reason=REASON.format(filename=filename), user=user, progress=progress)
        report.written = True
    return report


def _unnamed_columns_with_data(headers: list[str], rows: list[tuple[int, list[str]]]) -> list[str]:
    return [
        _("column %(number)s (no header)") % {"number": position + 1}
        for position, header in enumerate(headers)
        if not header and any(cells[position] for _number, cells in rows)
    ]


def _digest(result: Plan) -> str:
    """A fingerprint of what the plan would write, to compare a preview with its confirmation."""

    def values(row: RowValues) -> list:
        return [
            row.row,
            row.name,
            row.ytunnus,
            row.area.pk if row.area else None,
            row.emails,
            row.phones,
            row.websites,
            [term.pk for term in row.themes],
            [term.pk for term in row.target_groups],
            row.abstract,
            row.classification,
        ]

    content = {
        "create": [values(row) for row in result.creations],
        "update": [
            [update.values.row, update.organization.pk]
            + [[c.field, c.old, c.new, c.added] for c in update.changes]
            for update in result.updates
        ],
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()
