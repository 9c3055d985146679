"""Meeting materials: the secretariat adds files and portal documents; people download what they may see.

Downloads are always attachments with ``X-Content-Type-Options: nosniff`` and a sandboxing
CSP, so a browser never renders an uploaded file inside the portal's origin.
"""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from idswg.roles import member_required, secretariat_required

from .. import materials
from ..access import visible_meetings
from ..forms import MaterialDocumentForm, MaterialFileForm
from ..models import Material, Meeting
from .rsvp import _invitation_or_404

# The page holds both forms; both have a title and an audience, so one names its fields apart (HTML ids are unique).
DOCUMENT_IDS = "id_document_%s"


def _page(request, meeting, file_form=None, document_form=None, status=200):
    return render(
        request,
        "meetings/materials.html",
        {
            "meeting": meeting,
            "materials": materials.visible(meeting, request.user),
            "file_form": file_form or MaterialFileForm(meeting=meeting),
            "document_form": document_form or MaterialDocumentForm(meeting=meeting, auto_id=DOCUMENT_IDS),
            "accepted": materials.allowed_extensions(),
        },
        status=status,
    )


@secretariat_required
def material_list(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    if request.method != "POST":
        return _page(request, meeting)
    form = MaterialFileForm(request.POST, request.FILES, meeting=meeting)
    if not form.is_valid():
        return _page(request, meeting, file_form=form, status=422)
    data = form.cleaned_data
    material = materials.add_file(
        meeting, data["file"], data["title"], data["audience"], data["agenda_item"], request.user
    )
    messages.success(request, _("“%(title)s” added.") % {"title": material})
    return redirect("meetings:materials", pk=meeting.pk)


@secretariat_required
@require_POST
def material_document_add(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = MaterialDocumentForm(request.POST, meeting=meeting, auto_id=DOCUMENT_IDS)
    if not form.is_valid():
        return _page(request, meeting, document_form=form, status=422)
    data = form.cleaned_data
    material = materials.add_document(
        meeting, data["document"], data["title"], data["audience"], data["agenda_item"], request.user
    )
    messages.success(request, _("“%(title)s” added.") % {"title": material})
    return redirect("meetings:materials", pk=meeting.pk)


@secretariat_required
@require_POST
def material_delete(request, pk, material_pk):
    material = get_object_or_404(Material, pk=material_pk, meeting_id=pk)
    if material.is_file:
        material.file.delete(save=False)
    material.delete()
    messages.success(request, _("“%(title)s” removed.") % {"title": material})
    return redirect("meetings:materials", pk=pk)


def _download(request, material):
    opened = materials.open_file(material)
    if opened is None and material.is_file:
        raise Http404
    if opened is None:  # a document whose PDF the worker is making now
        response = render(request, "meetings/material_pending.html", {"material": material}, status=503)
        response["Retry-After"] = "30"
        return response
    handle, filename, content_type = opened
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@member_required
@never_cache
def material_download(request, pk, material_pk):
    meeting = get_object_or_404(visible_meetings(request.user), pk=pk)
    material = get_object_or_404(Material, pk=material_pk, meeting=meeting)
    if not materials.may_download(material, request.user):
        raise Http404  # a material one may not see is not there
    return _download(request, material)


@never_cache
def rsvp_material(request, pk, token, material_pk):
    """A material for everyone invited, downloaded through the personal link (no account)."""
    invitation = _invitation_or_404(pk, token)
    material = get_object_or_404(Material, pk=material_pk, meeting_id=invitation.meeting_id)
    if not materials.may_download(material, None):
        raise Http404
    return _download(request, material)
