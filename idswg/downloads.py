"""Serving a finished file (a rendered PDF) about as fast as a static file, once access is checked.

The permission check is the caller's (``render_views``: the bare row and the kind's rule, at
most two queries). What remains is cheap:

- ``ETag`` (the job and the hash of what it rendered) and ``Last-Modified`` (when it finished),
  so a browser that has the file asks again with ``If-None-Match`` and gets ``304 Not Modified``
  with no body. ``Cache-Control: private, no-store`` all the same: drafts and contact lists must
  not stay on a shared office computer or in any cache, so every use passes the permission check
  again (issue 10's rule wins over the 304's saving; a client that does send ``If-None-Match``
  still gets the 304).
- ``FileResponse``: the WSGI server's file wrapper (gunicorn's ``sendfile``) sends the file, not Python.
- With ``DOWNLOADS_ACCEL_REDIRECT`` set (say ``/protected-media/``), nginx sends the file: the
  response carries only ``X-Accel-Redirect: /protected-media/<name>`` and nginx serves it from an
  ``internal`` location aliased to ``MEDIA_ROOT`` (README, Deployment).
"""

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, http_date

CACHE_CONTROL = "private, no-store"


def serve_job_output(request, job, content_type="application/pdf"):
    """The response for ``job``'s stored output: 304, an nginx hand-over, or the file itself."""
    etag = f'"{job.pk}-{job.input_hash[:20]}"'
    last_modified = int(job.finished_at.timestamp())
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        not_modified["Cache-Control"] = CACHE_CONTROL
        return not_modified
    prefix = settings.DOWNLOADS_ACCEL_REDIRECT
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + job.output.name
        response["Content-Disposition"] = content_disposition_header(True, job.filename)
    else:
        response = FileResponse(job.output.open("rb"), as_attachment=True, filename=job.filename)
        response["Content-Type"] = content_type
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = CACHE_CONTROL
    return response
