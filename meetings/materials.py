"""Meeting materials: checking an uploaded file, attaching a portal document, and who may see which.

A file is accepted when its extension and its first bytes agree on one of the kinds
below (a renamed executable or HTML page is refused) and it is no larger than
``MEETINGS_MATERIAL_MAX_BYTES``. It is stored under a random name in ``MEDIA_ROOT``
(which has no URL) and is only ever served by the download views, as an attachment.

A portal document (a report, a country report, the briefing ...) is named by its key in
the shared registry (``idswg.documents``) and an object id; its download is the latest
finished PDF of that document. Attaching it to a meeting is the secretariat's decision
to share it with the material's audience, which is why the download checks the audience
and not the document's own rule.
"""

import secrets
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Max
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from idswg import documents, renders
from idswg.roles import COCHAIR, PARTNER, has_role, is_secretariat

from .models import Material

Audience = Material.Audience

# extension: (content type, the check of the first bytes, the part an Office file must contain)
KINDS = {
    "pdf": ("application/pdf", b"%PDF-", None),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04", "word/"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04", "xl/"),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", b"PK\x03\x04", "ppt/"),
    "png": ("image/png", b"\x89PNG\r\n\x1a\n", None),
    "jpg": ("image/jpeg", b"\xff\xd8\xff", None),
    "jpeg": ("image/jpeg", b"\xff\xd8\xff", None),
}


def allowed_extensions():
    return ", ".join(f".{extension}" for extension in KINDS)


def _office_part_present(upload, folder):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)


def check_upload(upload):
    """The (extension, content type) of an acceptable upload; ValidationError saying what is wrong otherwise."""
    limit = settings.MEETINGS_MATERIAL_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest accepted is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    extension = PurePath(upload.name).suffix.lower().lstrip(".")
    if extension not in KINDS:
        raise ValidationError(
            _("Files of this type are not accepted. Accepted: %(types)s.") % {"types": allowed_extensions()}
        )
    content_type, magic, office_folder = KINDS[extension]
    upload.seek(0)
    head = upload.read(len(magic))
    upload.seek(0)
    if head != magic or (office_folder and not _office_part_present(upload, office_folder)):
        raise ValidationError(
            _("The file's content is not a .%(extension)s file; it may be damaged or renamed.")
            % {"extension": extension}
        )
    upload.seek(0)
    return extension, content_type


def _next_order(meeting):
    return (meeting.materials.aggregate(top=Max("order"))["top"] or 0) + 1


def add_file(meeting, upload, title, audience, agenda_item=None, user=None):
    """Store a checked upload as a material (``check_upload`` first); returns it."""
    extension, content_type = check_upload(upload)
    original = PurePath(upload.name).name[:255]
    upload.name = f"{secrets.token_hex(16)}.{extension}"  # the name on disk never comes from the user
    return Material.objects.create(
        meeting=meeting,
        agenda_item=agenda_item,
        title=title or PurePath(original).stem,
        file=upload,
        original_name=original,
        content_type=content_type,
        size=upload.size,
        audience=audience,
        order=_next_order(meeting),
        added_by=user if user is not None and user.is_authenticated else None,
    )


def document_choices():
    """``[(value, label)]`` of the portal's printable documents, ``value`` being ``key:obj_id``.

    One query per model, however many document kinds print it (a meeting's invitation, its
    briefing, their Lao editions ...).
    """
    kinds_by_model = {}
    for document in sorted(documents.REGISTRY.values(), key=lambda d: (d.home_order, str(d.label))):
        if document.model is not None:
            kinds_by_model.setdefault(document.model, []).append(document)
    choices = []
    for model, kinds in kinds_by_model.items():
        objects = list(model._default_manager.all()[:50])
        choices += [(f"{kind.key}:{obj.pk}", f"{kind.label}: {obj}") for kind in kinds for obj in objects]
    return choices


def resolve_document(value):
    """The (document kind, object) a ``key:obj_id`` value names; ValidationError when it names nothing."""
    key, _sep, raw_id = (value or "").partition(":")
    try:
        document = documents.get(key)
        return document, document.get_object(int(raw_id))
    except (KeyError, ValueError, ObjectDoesNotExist):
        raise ValidationError(_("Choose one of the portal's documents.")) from None


def add_document(meeting, value, title, audience, agenda_item=None, user=None):
    """Attach a registered document and ask for its PDF, so it is ready when invitees open it."""
    document, obj = resolve_document(value)
    material = Material.objects.create(
        meeting=meeting,
        agenda_item=agenda_item,
        title=title or document.title(obj)[:300],
        document_key=document.key,
        document_id=obj.pk if obj is not None else 0,
        audience=audience,
        order=_next_order(meeting),
        added_by=user if user is not None and user.is_authenticated else None,
    )
    renders.request_render(document.key, material.document_id, user)
    return material


def audiences_for(user):
    """The audiences whose materials ``user`` may see (``None``: an invitee through their link)."""
    if user is None or not user.is_authenticated:
        return [Audience.INVITEES]
    if is_secretariat(user) or has_role(user, COCHAIR):
        return list(Audience.values)
    if has_role(user, PARTNER):
        return [Audience.INVITEES, Audience.PARTNERS]
    return []


def visible(meeting, user=None):
    """The meeting's materials ``user`` may see, in order, with their agenda item, in one query."""
    return meeting.materials.filter(audience__in=audiences_for(user)).select_related("agenda_item")


def for_invitee(meeting):
    """What everyone invited may download through their personal link (the e-mail and RSVP page list it)."""
    return visible(meeting, None)


def may_download(material, user):
    return material.audience in audiences_for(user)


def open_file(material):
    """``(file object, file name, content type)`` for a download; None when there is nothing to serve yet."""
    if material.is_file:
        if not material.file.storage.exists(material.file.name):
            return None
        return material.file.open("rb"), material.original_name, material.content_type
    job = renders.latest_done(material.document_key, material.document_id)
    if job is None or not job.output.storage.exists(job.output.name):
        renders.request_render(material.document_key, material.document_id)
        return None
    return job.output.open("rb"), job.filename, "application/pdf"


def on_agenda(materials):
    """``({agenda_item_pk: [material, ...]}, [materials of the whole meeting])`` from one list."""
    by_item, general = {}, []
    for material in materials:
        if material.agenda_item_id:
            by_item.setdefault(material.agenda_item_id, []).append(material)
        else:
            general.append(material)
    return by_item, general
