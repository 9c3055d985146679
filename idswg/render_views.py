"""Pages of the PDF renders: request one, watch its progress, download the file.

Rendering never happens here: ``render_request`` queues a job (``idswg.renders``)
and the status fragment polls itself with HTMX until the worker is done.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import documents, downloads, renders
from .fragments import fragment_or_page
from .models import RenderJob
from .roles import member_required, secretariat_required


def _document_for(request, key, obj_id):
    """The document kind and object, or 404; 403 unless the user may download it.

    The object is the bare row (``access_object``), not all that printing it needs: the
    check costs at most two queries, so a download or a status poll stays cheap.
    """
    try:
        document = documents.get(key)
        obj = document.access_object(obj_id)
    except (KeyError, ObjectDoesNotExist, ValueError):
        raise Http404 from None
    if not document.can_download(request.user, obj):
        raise PermissionDenied
    return document, obj


def _status_response(request, key, obj_id):
    context = renders.status(key, obj_id, request.user)
    return render(request, "idswg/_render_status.html", context)


@member_required
@require_POST
def render_request(request, key, obj_id):
    _document_for(request, key, obj_id)
    renders.request_render(key, obj_id, request.user)
    if request.htmx:
        return _status_response(request, key, obj_id)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = "render_list"
    return redirect(back)


@member_required
def render_status(request, key, obj_id):
    """The status box (HTMX polls it); opened as a link, the box on a page of its own."""
    _document_for(request, key, obj_id)
    context = renders.status(key, obj_id, request.user)
    title = f"{context['document'].label}: {context['title']}"
    return fragment_or_page(request, "idswg/_render_status.html", context, title)


@member_required
def render_download(request, key, obj_id):
    """The latest finished PDF of the document, as an attachment with a meaningful name."""
    _document_for(request, key, obj_id)
    job = renders.latest_done(key, obj_id)
    if job is None or not job.output.storage.exists(job.output.name):
        raise Http404
    return downloads.serve_job_output(request, job)


@secretariat_required
def render_list(request):
    """The secretariat's log of renders: what, who asked, state, timings, errors."""
    jobs = RenderJob.objects.select_related("requested_by")[:100]
    return render(
        request,
        "idswg/render_list.html",
        {"jobs": jobs, "contact_list": renders.status(documents.ContactList.key, 0, request.user)},
    )
