"""A file sent as a download, named one way in every view (``Content-Disposition``).

Django's ``content_disposition_header`` quotes the name, and writes a name that is not
ASCII (a Lao title) in RFC 6266's ``filename*`` form, which a hand-built header did not.
"""

from django.http import HttpResponse
from django.utils.http import content_disposition_header

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(content, filename, content_type):
    """A response that downloads ``content`` (bytes or text) as the file ``filename``."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
