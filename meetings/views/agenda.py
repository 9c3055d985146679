"""The agenda editor: items are added, edited, deleted and reordered through HTMX partial swaps.

Every change answers with the whole agenda body (``_agenda_body.html``) so the overlap and
out-of-time flags of all items are recomputed; an invalid form answers with its own row,
retargeted to where it was.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from idswg.fragments import fragment_or_redirect
from idswg.roles import secretariat_required

from .. import agenda
from ..forms import AgendaItemForm
from ..models import AgendaItem, Meeting


def _editor_url(meeting, item=None):
    """The agenda editor, where a fragment opened as a page belongs (at its item, if any)."""
    return reverse("meetings:agenda", args=[meeting.pk]) + (f"#item-{item.pk}" if item else "")


def _body(request, meeting, item=None):
    items = list(meeting.agenda_items.prefetch_related("presenters"))
    flags = agenda.problems(meeting, items)
    context = {"meeting": meeting, "rows": [(each, flags.get(each.pk, [])) for each in items]}
    if request.method == "GET":  # the editor's Cancel
        return fragment_or_redirect(request, "meetings/_agenda_body.html", context, _editor_url(meeting, item))
    return render(request, "meetings/_agenda_body.html", context)


def _form_row(request, meeting, form, item=None, status=200):
    context = {"meeting": meeting, "form": form, "item": item}
    if request.method == "GET":  # the form row, asked for by “Add an item” or an item's Edit
        return fragment_or_redirect(request, "meetings/_agenda_form_row.html", context, _editor_url(meeting, item))
    response = render(request, "meetings/_agenda_form_row.html", context, status=status)
    if request.method == "POST":
        response["HX-Retarget"] = f"#item-form-{item.pk if item else 'new'}"
        response["HX-Reswap"] = "outerHTML"
    return response


@secretariat_required
def agenda_editor(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    items = list(meeting.agenda_items.prefetch_related("presenters"))
    flags = agenda.problems(meeting, items)
    earlier = Meeting.objects.exclude(pk=meeting.pk).filter(agenda_items__isnull=False).distinct()
    return render(
        request,
        "meetings/agenda_editor.html",
        {
            "meeting": meeting,
            "rows": [(item, flags.get(item.pk, [])) for item in items],
            "earlier": earlier.order_by("-starts_at"),
        },
    )


@secretariat_required
def agenda_item_new(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    if request.method == "POST":
        form = AgendaItemForm(request.POST, instance=AgendaItem(meeting=meeting, order=agenda.next_order(meeting)))
        if form.is_valid():
            form.save()
            return _body(request, meeting)
        return _form_row(request, meeting, form, status=422 if not request.htmx else 200)
    start, end = agenda.next_slot(meeting)
    return _form_row(request, meeting, AgendaItemForm(initial={"start": start, "end": end}))


@secretariat_required
def agenda_item_edit(request, pk, item_pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    if request.method == "POST":
        form = AgendaItemForm(request.POST, instance=item)
        if form.is_valid():
            form.save()
            return _body(request, meeting)
        return _form_row(request, meeting, form, item, status=422 if not request.htmx else 200)
    if request.GET.get("cancel"):
        return _body(request, meeting, item)
    return _form_row(request, meeting, AgendaItemForm(instance=item), item)


@secretariat_required
@require_POST
def agenda_item_delete(request, pk, item_pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting).delete()
    return _body(request, meeting)


@secretariat_required
@require_POST
def agenda_reorder(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    ids = [int(part) for part in request.POST.get("ids", "").split(",") if part.strip().isdigit()]
    agenda.reorder(meeting, ids)
    return _body(request, meeting)


@secretariat_required
@require_POST
def agenda_item_move(request, pk, item_pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    agenda.move(meeting, item_pk, -1 if request.POST.get("direction") == "up" else 1)
    return _body(request, meeting)


@secretariat_required
@require_POST
def agenda_copy(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    source = agenda.copy_source(meeting, request.POST.get("source", ""))
    if source is None:
        messages.error(request, _("Choose the meeting whose agenda to copy."))
    else:
        copied = agenda.copy_agenda(source, meeting)
        text = ngettext(
            "%(count)s item copied from “%(title)s”.", "%(count)s items copied from “%(title)s”.", len(copied)
        )
        messages.success(request, text % {"count": len(copied), "title": source})
    return redirect("meetings:agenda", pk=meeting.pk)
