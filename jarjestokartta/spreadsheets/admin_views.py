"""The admin's "Tuo taulukosta" page: upload, preview (a dry run), then confirm.

Only staff who may both add and change organisations may use it: an import does both.
"""

from pathlib import Path

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jarjestokartta.directory.models import OrganizationKind
from jarjestokartta.spreadsheets import uploads
from jarjestokartta.spreadsheets.checking import RowValues
from jarjestokartta.spreadsheets.columns import FIELDS, BadMapping, parse_mapping
from jarjestokartta.spreadsheets.reading import MAX_BYTES, SpreadsheetError, check_size
from jarjestokartta.spreadsheets.service import ImportReport, organizations_import

ACCEPTED_SUFFIXES = {".csv", ".txt", ".tsv", ".xlsx"}
TEMPLATE = "spreadsheets/import.html"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy("CSV (semicolons or commas, UTF-8) or an Excel workbook (XLSX)."),
        error_messages={"required": gettext_lazy("Choose the file to import.")},
    )
    mapping = forms.CharField(
        label=gettext_lazy("Column mapping"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 40}),
        help_text=gettext_lazy(
            "Only for headers that are not recognised: one per line, HEADER=field, e.g. "
            "Yhdistys=name. The fields: %(fields)s."
        )
        % {"fields": ", ".join(FIELDS)},
    )
    sheet = forms.CharField(
        label=gettext_lazy("Sheet"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("The sheet of an XLSX workbook to read; the first when empty."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in ACCEPTED_SUFFIXES:
            raise forms.ValidationError(
                _(
                    "Only CSV and XLSX files can be imported (the file's name ends in .csv or "
                    ".xlsx)."
                )
            )
        try:
            check_size(upload.size)
        except SpreadsheetError as error:
            raise forms.ValidationError(str(error)) from None
        return upload

    def clean_mapping(self) -> dict[str, str]:
        try:
            return parse_mapping(self.cleaned_data["mapping"].splitlines())
        except BadMapping as error:
            raise forms.ValidationError(str(error)) from None


def import_view(request: HttpRequest, *, model_admin: admin.ModelAdmin) -> HttpResponse:
    if not (
        request.user.has_perm("directory.add_organization")
        and request.user.has_perm("directory.change_organization")
    ):
        raise PermissionDenied
    if request.method == "POST" and "token" in request.POST:
        return _confirm(request, model_admin)
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read(MAX_BYTES + 1)
        filename = Path(form.cleaned_data["file"].name).name
        mapping, sheet = form.cleaned_data["mapping"], form.cleaned_data["sheet"] or None
        try:
            report = organizations_import(
                data=data, filename=filename, mapping=mapping, sheet=sheet, dry_run=True
            )
        except BadMapping as error:
            form.add_error("mapping", str(error))
        except SpreadsheetError as error:
            form.add_error("file", str(error))
        else:
            upload = None
            if report.ok and (report.plan.creations or report.plan.updates):
                upload = uploads.store(
                    data, filename=filename, mapping=mapping, sheet=sheet, user_id=request.user.pk
                )
            return _preview(request, model_admin, report, upload)
    return _render(request, model_admin, {"form": form})


def _confirm(request: HttpRequest, model_admin: admin.ModelAdmin) -> HttpResponse:
    token = request.POST.get("token", "")
    found = uploads.load(token, sha256=request.POST.get("sha256", ""), user_id=request.user.pk)
    if "cancel" in request.POST:
        if found is not None:  # only one's own upload
            uploads.discard(token)
        messages.info(request, _("The import was cancelled; nothing was imported."))
        return HttpResponseRedirect(request.path)
    if found is None:
        messages.error(
            request,
            _(
                "The previewed file was not found (it may already have been imported). "
                "Upload it again."
            ),
        )
        return HttpResponseRedirect(request.path)
    upload, data = found
    try:
        report = organizations_import(
            data=data,
            filename=upload.filename,
            mapping=upload.mapping,
            sheet=upload.sheet,
            dry_run=False,
            expected_digest=request.POST.get("digest", ""),
            user=request.user,
        )
    except SpreadsheetError as error:  # the file was readable at the preview: only if changed
        uploads.discard(token)
        messages.error(request, str(error))
        return HttpResponseRedirect(request.path)
    if not report.written:
        if report.problems:  # the data changed so that the file no longer imports
            uploads.discard(token)
            return _preview(request, model_admin, report, None)
        return _preview(request, model_admin, report, upload)
    uploads.discard(token)
    messages.success(
        request,
        _(
            "Imported %(file)s: %(created)s organisations created, %(updated)s updated, "
            "%(unchanged)s unchanged."
        )
        % {
            "file": upload.filename,
            "created": len(report.plan.creations),
            "updated": len(report.plan.updates),
            "unchanged": len(report.plan.unchanged),
        },
    )
    return HttpResponseRedirect(reverse("admin:directory_organization_changelist"))


def _preview(
    request: HttpRequest,
    model_admin: admin.ModelAdmin,
    report: ImportReport,
    upload: uploads.Upload | None,
) -> HttpResponse:
    if report.stale:
        messages.warning(
            request,
            _(
                "The organisations changed after the preview, so nothing was imported yet. "
                "Check the new preview below and confirm again."
            ),
        )
    return _render(
        request,
        model_admin,
        {
            "report": report,
            "upload": upload,
            "creations": [
                {
                    "values": values,
                    "kind": OrganizationKind(
                        values.classification or OrganizationKind.ASSOCIATION
                    ).label,
                    "facts": _facts(values),
                }
                for values in report.plan.creations
            ],
            "columns": [(header, FIELDS[code]) for code, header in report.header_of.items()],
        },
    )


def _facts(values: RowValues) -> list[tuple[str, str]]:
    """What a new organisation gets, beside its name and municipality, as (label, text)."""
    pairs = [
        (FIELDS["ytunnus"], values.ytunnus or ""),
        (FIELDS["email"], ", ".join(values.emails)),
        (FIELDS["phone"], ", ".join(values.phones)),
        (FIELDS["website"], ", ".join(values.websites)),
        (FIELDS["themes"], ", ".join(map(str, values.themes))),
        (FIELDS["target_groups"], ", ".join(map(str, values.target_groups))),
        (FIELDS["abstract"], values.abstract),
    ]
    return [(str(label), text) for label, text in pairs if text]


def _render(request: HttpRequest, model_admin: admin.ModelAdmin, context: dict) -> HttpResponse:
    opts = model_admin.model._meta
    return TemplateResponse(
        request,
        TEMPLATE,
        {
            **model_admin.admin_site.each_context(request),
            "opts": opts,
            "title": _("Import organisations from a spreadsheet"),
            **context,
        },
    )
