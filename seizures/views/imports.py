"""Import (secretariat) and export (members) of seizure tables.

The import's and the exports' modules (``import_plan`` with its cell readers and layouts,
``exports``) are imported by the views that use them, not when the URLs load: every web process
and ``manage.py`` command would otherwise pay some 0.07 s for them at start (issue 19).
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from idswg.attachments import XLSX, attachment
from idswg.roles import member_required, secretariat_required

from ..forms import NumberFormatForm, UploadForm
from ..models import Country, ImportBatch
from ..reading import ImportRefused, max_bytes
from ..reported_trends import reported_trend_table
from ..tables import country_table


@secretariat_required
def upload(request):
    """Upload a file: it is read and kept aside; nothing changes until the preview is confirmed."""
    from .. import import_plan

    form = UploadForm(request.POST or None, request.FILES or None, initial={"country": request.GET.get("country")})
    if request.method == "POST" and form.is_valid():
        try:
            batch = import_plan.start_import(
                form.cleaned_data["file"],
                request.user,
                country=form.cleaned_data["country"],
                number_format=form.cleaned_data["number_format"],
            )
        except ImportRefused as refusal:
            form.add_error(refusal.field, str(refusal))
        else:
            return redirect(batch)
    return render(request, "seizures/import_form.html", {"form": form, "max_kb": max_bytes() // 1024})


@secretariat_required
def preview(request, pk):
    """What the import will add and change, its problems, and the values to confirm; POST confirms."""
    from .. import import_plan

    batch = get_object_or_404(ImportBatch, pk=pk)
    if batch.state != ImportBatch.State.PENDING:
        messages.info(request, _("This import is closed (%(state)s).") % {"state": batch.get_state_display()})
        return redirect("seizures:index")
    posted = request.POST if request.method == "POST" else {}
    if request.method == "POST" and ("number_format" in request.POST or "answer" in request.POST):
        import_plan.answer(batch, request.POST)
        return redirect(batch)
    if request.method == "POST":
        try:
            result = import_plan.apply(batch.pk, request.POST, request.user)
        except import_plan.NotApplied as refusal:
            result = refusal.plan
            if refusal.stale:
                messages.warning(
                    request,
                    _(
                        "The tables changed since this preview (another import or an edit). Here is what the file "
                        "changes now: check it and confirm again."
                    ),
                )
            elif result.ok and result.work:
                messages.error(request, _("Confirm each questioned value with a comment, or correct the file."))
            elif result.ok:
                messages.error(request, _("There is nothing to import: every value is already in the tables."))
        else:
            if result.already:
                messages.info(request, _("This import was already confirmed; nothing more was changed."))
            else:
                messages.success(
                    request,
                    _("Imported: %(added)s values added, %(changed)s changed.")
                    % {"added": len(result.additions), "changed": len(result.changes)},
                )
            target = batch.country or Country.objects.filter(pk=batch.rows[0]["country"]).first()
            return redirect(target.get_absolute_url() if target else "seizures:index")
    else:
        result = import_plan.plan(batch)
    missing = {item["key"] for item in import_plan.unconfirmed(result, posted)} if posted else set()
    for item in result.flags:
        item["confirmed"] = bool(posted.get(f"confirm-{item['key']}"))
        item["comment"] = posted.get(f"comment-{item['key']}", "")
        item["missing"] = item["key"] in missing
    return render(
        request,
        "seizures/import_preview.html",
        {
            "batch": batch,
            "plan": result,
            "format_form": NumberFormatForm(initial={"number_format": batch.number_format}),
            "ambiguous": any(p.get("ambiguous") for p in result.problems),
            "fixable": any(p.get("create") for p in result.problems),
            "import_again": _upload_url(batch),
            "table_notes": [
                ("title", _("Use as the table's title:"), batch.summary.get("title", "")),
                ("source", _("Use as the table's source:"), batch.summary.get("source", "")),
                ("footnotes", _("Use as the table's footnotes:"), batch.summary.get("footnotes", "")),
            ],
        },
    )


def _upload_url(batch):
    """The upload page, with the batch's country chosen: where to go once a missing measure is created."""
    url = reverse("seizures:import")
    return f"{url}?{urlencode({'country': batch.country.slug})}" if batch.country else url


@secretariat_required
@require_POST
def cancel(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk, state=ImportBatch.State.PENDING)
    batch.state = ImportBatch.State.CANCELLED
    batch.save(update_fields=["state"])
    messages.info(request, _("Import cancelled; nothing was changed."))
    return redirect("seizures:index")


@member_required
def export(request, slug, fmt):
    """The table as CSV or XLSX; ``?layout=wide`` writes one row per measure with years across."""
    country = get_object_or_404(Country, slug=slug)
    return _download(request, country_table(country), fmt, f"seizures-{country.slug}.{fmt}")


@member_required
def trends_export(request, slug, fmt):
    """The country's reported trend table (↑ ↓ ↔ •) as CSV or XLSX, read back by the importer; 404 without one."""
    from .. import exports

    country = get_object_or_404(Country, slug=slug)
    trends = reported_trend_table(country)
    if trends is None:
        raise Http404(_("This country has no reported trend table."))
    return _download(request, exports.trend_table(country.name, trends), fmt, f"reported-trends-{country.slug}.{fmt}")


def _download(request, table, fmt, filename):
    from .. import exports

    layout = request.GET.get("layout") if request.GET.get("layout") in exports.LAYOUTS else exports.TABLE
    if fmt == "csv":
        return attachment(exports.to_csv(table, layout), filename, "text/csv; charset=utf-8")
    if fmt == "xlsx":
        return attachment(exports.to_xlsx(table, layout), filename, XLSX)
    return HttpResponse(_("Unknown format."), status=404, content_type="text/plain")
