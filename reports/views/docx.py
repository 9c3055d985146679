"""Word in and out: import an earlier report's matrix (preview, then confirm) and export a report."""

from django.contrib import messages
from django.core import signing
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from idswg.attachments import DOCX, attachment
from idswg.roles import member_required, secretariat_required

from ..access import readable_report
from ..forms import DocxUploadForm

SIGNING_SALT = "reports.docx-import"


@member_required
@require_GET
def report_export_docx(request, pk):
    from .. import docx_export  # python-docx: loaded by the one request that needs it, never at start-up

    report = readable_report(request.user, pk)
    return attachment(docx_export.report_to_docx(report), f"{slugify(report.title) or 'report'}.docx", DOCX)


@secretariat_required
def report_import(request):
    """Step 1: upload and preview. Step 2 (``confirm`` with the signed preview): create the draft."""
    from .. import docx_import  # python-docx: loaded by the one request that needs it, never at start-up

    if request.method == "POST" and "confirm" in request.POST:
        try:
            payload = signing.loads(request.POST["confirm"], salt=SIGNING_SALT, max_age=3600)
        except signing.BadSignature:
            messages.error(request, _("The preview expired or was altered; upload the file again."))
            return redirect("reports:report_import")
        try:
            report = docx_import.create_draft(payload["matrix"], payload["year"], payload["title"], payload["layout"])
        except IntegrityError:
            messages.error(request, _("There is already a report for this year."))
            return redirect("reports:report_import")
        messages.success(
            request,
            _("Imported %(n)s rows into the draft “%(title)s”.")
            % {"n": payload["matrix"]["row_count"], "title": report},
        )
        return redirect(report)
    form = DocxUploadForm(request.POST or None, request.FILES or None)
    preview = token = None
    if request.method == "POST" and form.is_valid():
        try:
            preview = docx_import.read_matrix(form.cleaned_data["file"])
        except docx_import.DocxImportError as error:
            form.add_error("file", str(error))
        else:
            token = signing.dumps(
                {"matrix": preview, **{k: form.cleaned_data[k] for k in ("year", "title", "layout")}},
                salt=SIGNING_SALT,
                compress=True,
            )
    return render(request, "reports/import.html", {"form": form, "preview": preview, "token": token})
