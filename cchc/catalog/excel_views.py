"""Staff pages for the catalogue workbook: export the filtered list, import a file (all or
nothing) and show what was imported or every error with its sheet, row and column."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from cchc.catalog.excel import (
    ERR_EMPTY_FILE,
    MAX_FILE_BYTES,
    MAX_PROCEDURE_ROWS,
    XLSX_CONTENT_TYPE,
    export_procedures,
    import_procedures,
)
from cchc.catalog.selectors import procedure_filters, procedure_list
from cchc.org.permissions import staff_required

IMPORT_PERMISSION = "catalog.add_procedure"


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp Excel (.xlsx)"),
        error_messages={
            "required": gettext_lazy(ERR_EMPTY_FILE),
            "empty": gettext_lazy(ERR_EMPTY_FILE),
        },
        widget=forms.ClearableFileInput(
            attrs={"accept": f".xlsx,{XLSX_CONTENT_TYPE}", "class": "form-control"}
        ),
    )


@require_GET
@staff_required
def procedure_export_view(request: HttpRequest) -> HttpResponse:
    if request.htmx:
        # The export button sits in the htmx search form: send the browser to the file itself.
        return HttpResponseClientRedirect(request.get_full_path())
    queryset = procedure_list(**procedure_filters(request.GET), in_force_only=False)
    name = f"danh-muc-tthc-{timezone.localdate():%d-%m-%Y}.xlsx"
    return HttpResponse(
        export_procedures(queryset),
        content_type=XLSX_CONTENT_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@require_http_methods(["GET", "POST"])
@staff_required
def procedure_import_view(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    result = None
    if form.is_bound and form.is_valid():
        result = import_procedures(form.cleaned_data["file"], actor=request.user)
    context = {
        "form": form,
        "result": result,
        "max_mb": MAX_FILE_BYTES // (1024 * 1024),
        "max_rows": MAX_PROCEDURE_ROWS,
    }
    return render(request, "catalog/procedure_import.html", context)
