"""Organisation logos: checking an upload, keeping it private, serving it, printing it.

An upload is accepted when it is a PNG or JPEG image (Pillow reads the content; the name
only has to end as one), no larger than ``MAX_BYTES`` and within ``MIN_SIDE`` and
``MAX_PIXELS``. What is stored is not the upload itself but Pillow's re-encoding of it:
turned upright (EXIF orientation), at most ``MAX_STORED`` pixels a side, without metadata,
under a random name in ``MEDIA_ROOT/logos/``. ``MEDIA_ROOT`` has no URL; the logo view
(``idswg.views.organisation_logo``) serves the file to members, and the PDFs embed it as a
``data:`` URI (``data_uri``), so a render never fetches anything over the network.
"""

import base64
import io
import secrets
import warnings
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

MAX_BYTES = 1024 * 1024
MAX_PIXELS = 25_000_000  # width x height of the upload; a larger one is refused before it is decoded
MIN_SIDE = 32  # smaller than this a logo prints as a blur
MAX_STORED = (1600, 800)  # ~135 x 68 mm at 300 dpi: more than any cover prints

# Pillow's format name: (extension stored, content type)
FORMATS = {"PNG": ("png", "image/png"), "JPEG": ("jpg", "image/jpeg")}
EXTENSIONS = {".png", ".jpg", ".jpeg"}
CONTENT_TYPES = dict(FORMATS.values())  # extension: content type
# How each format's last bytes read when the file is whole (PNG's IEND chunk, JPEG's EOI marker).
ENDINGS = {"PNG": b"IEND\xaeB`\x82", "JPEG": b"\xff\xd9"}


def _whole(upload, image_format):
    """Whether the file ends as a whole PNG or JPEG does.

    Pillow alone cannot say once WeasyPrint is imported in the process (``make run`` renders
    in-process, a worker always): WeasyPrint sets ``ImageFile.LOAD_TRUNCATED_IMAGES``, for the
    whole process, and a cut-off upload then decodes with its missing part grey.
    """
    upload.seek(max(upload.size - 64, 0))
    return upload.read().rstrip(b"\x00\r\n ").endswith(ENDINGS[image_format])


def check_upload(upload):
    """The upload re-encoded as ``(bytes, extension)``; ValidationError saying what is wrong otherwise."""
    from PIL import Image, UnidentifiedImageError  # here, not at start: web processes only need it for an upload

    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The logo is %(size)s; the largest accepted is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)}
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    if PurePath(upload.name or "").suffix.lower() not in EXTENSIONS:
        raise ValidationError(_("A logo must be a PNG or JPEG image (.png, .jpg or .jpeg)."))
    not_an_image = ValidationError(_("The file is not a PNG or JPEG image; it may be damaged or renamed."))
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in FORMATS or not _whole(upload, image.format):
                raise not_an_image
            upload.seek(0)
            image = Image.open(upload)
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    _("The logo is %(width)s × %(height)s pixels; the most accepted is %(limit)s million pixels.")
                    % {"width": width, "height": height, "limit": MAX_PIXELS // 1_000_000}
                )
            if min(width, height) < MIN_SIDE:
                raise ValidationError(
                    _(
                        "The logo is %(width)s × %(height)s pixels; "
                        "it needs at least %(side)s pixels a side to print sharply."
                    )
                    % {"width": width, "height": height, "side": MIN_SIDE}
                )
            image.load()
            return _reencode(image)
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning, OSError, SyntaxError):
        raise not_an_image from None
    finally:
        upload.seek(0)


def _reencode(image):
    """``(bytes, extension)``: ``image`` upright, fitted into ``MAX_STORED``, in its own format, no metadata."""
    from PIL import ImageOps

    extension, _content_type = FORMATS[image.format]
    image = ImageOps.exif_transpose(image)
    image.thumbnail(MAX_STORED)
    out = io.BytesIO()
    if extension == "png":
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        image.save(out, "PNG", optimize=True)
    else:
        image.convert("RGB").save(out, "JPEG", quality=90, optimize=True)
    return out.getvalue(), extension


def _delete_later(storage, name):
    """Delete the file ``name`` once the transaction that stopped using it is committed."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def replace(organisation, content, extension):
    """Give ``organisation`` the checked logo ``content`` (from ``check_upload``); the old file goes."""
    old = organisation.logo.name
    organisation.logo.save(f"{secrets.token_hex(16)}.{extension}", ContentFile(content), save=False)
    organisation.save(update_fields=["logo"])
    _delete_later(organisation.logo.storage, old)


def remove(organisation):
    """Take ``organisation``'s logo away, file and all."""
    old = organisation.logo.name
    if not old:
        return
    storage = organisation.logo.storage
    organisation.logo = ""
    organisation.save(update_fields=["logo"])
    _delete_later(storage, old)


def delete_organisation(organisation):
    """Delete ``organisation`` and, once that is committed, its logo's file (ProtectedError as ``delete``)."""
    storage, name = organisation.logo.storage, organisation.logo.name
    organisation.delete()
    _delete_later(storage, name)


def content_type(organisation):
    return CONTENT_TYPES.get(PurePath(organisation.logo.name).suffix.lstrip("."), "application/octet-stream")


def read(organisation):
    """The logo's bytes, or None when there is none (or its file is missing)."""
    if not organisation.logo or not organisation.logo.storage.exists(organisation.logo.name):
        return None
    with organisation.logo.open("rb") as logo:
        return logo.read()


def serve(request, organisation):
    """The response showing the logo (``304`` when the browser has it), or None when there is none."""
    content = read(organisation)
    if content is None:
        return None
    name = PurePath(organisation.logo.name).name
    etag = f'"{name}"'  # a new logo is stored under a new random name
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(content, content_type=content_type(organisation))
        response["Content-Disposition"] = content_disposition_header(False, name)
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"  # members only: never in a shared cache
    return response


def data_uri(organisation):
    """The logo as a ``data:`` URI for a PDF template; empty when the organisation has none."""
    content = read(organisation)
    if content is None:
        return ""
    return f"data:{content_type(organisation)};base64,{base64.b64encode(content).decode('ascii')}"


def printed(organisations):
    """``[(organisation, data URI)]`` of those of ``organisations`` that have a logo, in order."""
    return [(organisation, uri) for organisation in organisations if (uri := data_uri(organisation))]
