"""Partner programme updates: “your updates to write”, writing and submitting, the secretariat's board and requests."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from idswg.roles import PARTNER, is_secretariat, member_required, role_required, secretariat_required

from .. import access, editing, updates
from ..forms import RequestForm, UpdateForm
from ..models import CountryReport, PartnerUpdate
from .common import form_page

READ_ONLY_MESSAGES = {
    "final": gettext_lazy("The report is final: this update can no longer be changed."),
    "accepted": gettext_lazy("The secretariat has accepted this update; ask the secretariat to change it."),
    "deadline": gettext_lazy("The deadline has passed; ask the secretariat to change this update."),
}


@role_required(PARTNER)
def my_updates(request):
    return render(request, "dublin/my_updates.html", {"updates": access.updates_to_write(request.user)})


def _visible_update(user, pk):
    update = (
        PartnerUpdate.objects.select_related("report__country", "organisation", "section", "updated_by")
        .filter(pk=pk)
        .first()
    )
    # Another organisation's unsubmitted update is not shown to exist.
    if update is None or not access.can_see_update(user, update):
        raise Http404(_("No such update."))
    return update


@member_required
def update_edit(request, pk):
    """The update's page: its writer (or the secretariat) edits it; a save from an older version answers 409."""
    update = _visible_update(request.user, pk)
    reason = access.why_read_only(request.user, update)
    secretariat = is_secretariat(request.user)
    initial = {"heading": update.heading, "body": update.body, "footnotes": update.footnotes, "version": update.version}
    form = UpdateForm(request.POST or None, initial=initial, secretariat=secretariat)
    status = 200
    theirs = None
    if request.method == "POST":
        if reason is not None:
            raise PermissionDenied(READ_ONLY_MESSAGES.get(reason, ""))
        if form.is_valid():
            try:
                editing.save_update_text(update.pk, form.cleaned_data["version"], form.cleaned_data, request.user)
            except editing.Stale as stale:
                messages.error(request, _("Someone else saved this update after you opened it; theirs is shown below."))
                form = UpdateForm(
                    initial={**form.cleaned_data, "version": stale.current.version}, secretariat=secretariat
                )
                status, theirs = 409, stale.current
            else:
                if "submit" in request.POST:
                    return _submit(request, update)
                messages.success(request, _("Draft saved. Submit it when it is ready."))
                return redirect("dublin:update_edit", pk=update.pk)
        else:
            status = 422
    return render(
        request,
        "dublin/update_form.html",
        {
            "update": update,
            "form": form,
            "theirs": theirs,
            "read_only": reason,
            "read_only_message": READ_ONLY_MESSAGES.get(reason, ""),
            "secretariat": secretariat,
            "can_read_report": access.can_read_report(request.user, update.report),
        },
        status=status,
    )


def _submit(request, update):
    try:
        updates.submit(update, request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Update submitted. You may still change it until the deadline."))
    return redirect("dublin:update_edit", pk=update.pk)


@require_POST
@member_required
def update_submit(request, pk):
    update = _visible_update(request.user, pk)
    if not access.can_write_update(request.user, update):
        raise PermissionDenied
    return _submit(request, update)


@require_POST
@secretariat_required
def update_accept(request, pk):
    update = get_object_or_404(PartnerUpdate.objects.select_related("report"), pk=pk)
    try:
        updates.accept(update, request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Update of %(organisation)s accepted.") % {"organisation": update.organisation})
    return redirect("dublin:board", pk=update.report_id)


@require_POST
@secretariat_required
def update_reopen(request, pk):
    update = get_object_or_404(PartnerUpdate.objects.select_related("report"), pk=pk)
    updates.reopen(update, request.user)
    messages.success(request, _("Update handed back to %(organisation)s.") % {"organisation": update.organisation})
    return redirect("dublin:board", pk=update.report_id)


@secretariat_required
def board(request, pk):
    """Who was asked, who drafted, submitted, is late or accepted, with the dates (a fixed number of queries)."""
    report = get_object_or_404(CountryReport.objects.select_related("country"), pk=pk)
    return render(request, "dublin/board.html", {"report": report, "rows": updates.board(report)})


@secretariat_required
def request_updates(request, pk):
    report = get_object_or_404(CountryReport.objects.select_related("country"), pk=pk)
    editing.ensure_editable(report)
    form = RequestForm(request.POST or None, report=report)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            asked = updates.request_updates(
                report, list(data["organisations"]), data["deadline"], data["section"], request.user
            )
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            messages.success(request, _("%(count)s organisations asked for their update.") % {"count": len(asked)})
            return redirect("dublin:board", pk=report.pk)
    return form_page(request, form, _("Ask partners for their updates"), report.get_absolute_url())
