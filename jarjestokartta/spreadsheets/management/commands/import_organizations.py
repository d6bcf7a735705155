from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from jarjestokartta.spreadsheets.columns import parse_mapping
from jarjestokartta.spreadsheets.reading import SpreadsheetError, check_size
from jarjestokartta.spreadsheets.service import ImportReport, organizations_import


class Command(BaseCommand):
    help = (
        "Import organisations from a spreadsheet (CSV or XLSX; docs/spreadsheet-import.md): "
        "everything or, on any problem, nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="path of the CSV or XLSX file")
        parser.add_argument(
            "--dry-run", action="store_true", help="only show what would be created and updated"
        )
        parser.add_argument(
            "--column",
            action="append",
            default=[],
            metavar="HEADER=FIELD",
            help="read the column HEADER as FIELD (name, ytunnus, municipality, email, phone, "
            "website, themes, target_groups, abstract, classification); may be repeated",
        )
        parser.add_argument("--sheet", help="the sheet of an XLSX workbook (default: the first)")
        parser.add_argument(
            "--no-progress", action="store_true", help="do not show the progress bar"
        )

    def handle(
        self,
        *args,
        file: str,
        dry_run: bool,
        column: list[str],
        sheet: str | None,
        no_progress: bool,
        **options,
    ) -> None:
        path = Path(file)
        try:
            check_size(path.stat().st_size)
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": file, "error": error.strerror}
            ) from None
        except SpreadsheetError as error:
            raise CommandError(f"{file}: {error}") from None
        # tqdm hides itself when stderr is not a terminal (disable=None).
        with tqdm(total=0, unit=_(" rows"), disable=True if no_progress else None) as bar:

            def planned(count: int) -> None:
                bar.total += count
                bar.refresh()

            try:
                report = organizations_import(
                    data=data,
                    filename=path.name,
                    mapping=parse_mapping(column),
                    sheet=sheet,
                    dry_run=dry_run,
                    progress=bar.update,
                    planned=planned,
                )
            except SpreadsheetError as error:
                raise CommandError(f"{file}: {error}") from None
        self._describe(report, dry_run)
        if report.problems:
            for problem in report.problems:
                where = ", ".join(
                    part
                    for part in (
                        _("row %(row)s") % {"row": problem.row} if problem.row else "",
                        f"“{problem.column}”" if problem.column else "",
                    )
                    if part
                )
                self.stderr.write(f"  {where}: {problem.message}" if where else problem.message)
            raise CommandError(
                _("%(file)s: %(count)s problem(s) found; nothing was imported.")
                % {"file": file, "count": len(report.problems)}
            )

    def _describe(self, report: ImportReport, dry_run: bool) -> None:
        if not (dry_run or report.written):
            return  # nothing was imported: only the problems are told
        write = self.stdout.write
        if report.ignored:
            write(_("Ignored columns: %(columns)s") % {"columns": ", ".join(report.ignored)})
        prefix = _("Would create") if dry_run else _("Created")
        for values in report.plan.creations:
            where = f" ({values.area})" if values.area else ""
            write(f"{prefix}: {_('row %(row)s') % {'row': values.row}}: {values.name}{where}")
        prefix = _("Would update") if dry_run else _("Updated")
        for update in report.plan.updates:
            write(
                f"{prefix}: {_('row %(row)s') % {'row': update.values.row}}: "
                f"{update.organization.name}"
            )
            for change in update.changes:
                if change.added:
                    now = f" ({_('now')}: {change.old})" if change.old else ""
                    write(f"    {change.label}: + {change.new}{now}")
                else:
                    write(f"    {change.label}: {change.old or '–'} → {change.new}")
        if dry_run:
            counts = _(
                "%(created)s to create, %(updated)s to update, %(unchanged)s unchanged, "
                "%(problems)s problem(s)."
            )
        else:
            counts = _("%(created)s created, %(updated)s updated, %(unchanged)s unchanged.")
        summary = counts % {
            "created": len(report.plan.creations),
            "updated": len(report.plan.updates),
            "unchanged": len(report.plan.unchanged),
            "problems": len(report.problems),
        }
        if report.written:
            write(self.style.SUCCESS(summary))
        elif dry_run:
            write(summary)
