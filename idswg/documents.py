"""The registry of printable documents, and the shared package's own: the contact list.

A document kind says how to turn one object into a PDF: its template and context,
its title and file name, whether it is printed landscape and who may download it.
Each app declares its kinds in ``<app>/documents.py`` with ``@register``; the modules
are imported by ``IdswgConfig.ready()`` (autodiscovery), so this package never
names the apps. ``idswg.renders`` renders them in Celery tasks.

The registry also answers "which documents exist for this object": ``documents_for(user,
obj)`` lists the kinds registered for the object's model that its page offers (those
with a ``page_label``), so a page lists its PDFs without naming another app's keys or URLs.
"""

from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import slugify
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import pdf
from .roles import ANY_ROLE, SECRETARIAT, has_role

REGISTRY = {}


class Document:
    """One kind of printable document. Subclass, set the attributes, decorate with ``@register``.

    ``obj_id`` identifies the object printed (a meeting, a report ...); a document
    of the whole portal, such as the contact list, uses ``obj_id`` 0.
    """

    key = ""  # stable: stored on each RenderJob and used in URLs
    label = ""  # what the kind is called on screen, e.g. "Meeting invitation"
    model = None
    template_name = ""
    landscape = False
    home_order = 100  # where the home page lists this kind (see ``featured``), lowest first
    # A document is printed in one language, whoever asks and wherever it renders (the
    # request hashes it, the worker renders it). ``translated`` kinds also exist in Lao,
    # as the kind ``<key>-lo`` that ``register`` adds: both PDFs can exist side by side.
    language = None  # None: settings.LANGUAGE_CODE
    translated = False
    page_label = ""  # how the object's page names this PDF; empty: the page does not list it
    page_order = 100  # where the object's page lists it (see ``documents_for``), lowest first
    page_icon = "bi-file-earmark-pdf"

    def get_object(self, obj_id):
        """The object printed; raises ``model.DoesNotExist`` when there is none."""
        return self.model._default_manager.get(pk=obj_id)

    def access_object(self, obj_id):
        """The object ``can_download`` is asked about, for a download or a status poll: the bare
        row in one query, without the prefetches ``get_object`` loads for printing. A kind whose
        rule needs another object overrides it. Raises ``DoesNotExist`` when there is none."""
        if self.model is None:
            return self.get_object(obj_id)
        return self.model._default_manager.get(pk=obj_id)

    def title(self, obj):
        return str(obj)

    def filename(self, obj):
        """The download's file name: meaningful to whoever files it, ASCII only."""
        return f"{slugify(self.title(obj))[:80] or self.key}.pdf"

    def author(self, obj):
        return _("IDSWG Secretariat (LCDC and UNODC)")

    def subject(self, obj):
        return str(self.label)

    def organisers(self, obj):
        """The bottom-left line of every page: who issues the document."""
        return self.author(obj)

    def context(self, obj):
        """Template variables besides ``object``; subclasses add their own names (``meeting`` ...)."""
        return {}

    def fingerprint_context(self, obj):
        """The context ``fingerprint`` hashes: ``context`` unless a kind has a cheaper equivalent.

        A kind may leave out costly parts that the rest of its context already determines,
        such as charts drawn from the numbers of a table printed beside them.
        """
        return self.context(obj)

    def can_download(self, user, obj):
        return has_role(user, SECRETARIAT)

    def featured(self, user):
        """Ids of the objects whose PDF the home page offers ``user`` (e.g. the next briefing)."""
        return ()

    def offered_to(self, user, obj):
        """Whether ``obj``'s page lists this PDF for ``user``: a check on roles only, without a query.

        The box listed loads itself and asks ``can_download``, which has the last word.
        """
        return has_role(user, *ANY_ROLE)

    def page_links(self, user, obj):
        """Links beside the PDF on the object's page (e.g. where its parts are chosen): ``[(label, url)]``."""
        return ()

    def html(self, obj):
        """The complete HTML handed to WeasyPrint, in its language."""
        return self._html(obj, self.context)

    def _html(self, obj, context_of):
        """The document's HTML with the kind's own variables from ``context_of(obj)``, in its language."""
        with translation.override(self.language or settings.LANGUAGE_CODE):
            return self._page(obj, context_of(obj))

    def _page(self, obj, own_context):
        title = self.title(obj)
        context = {
            "document": self,
            "pdf_title": title,
            "pdf_author": self.author(obj),
            "pdf_subject": self.subject(obj),
            "landscape": self.landscape,
            # Margin texts as CSS strings (templates/pdf/base.html puts them in @page).
            "css_title": pdf.css_string(title),
            "css_issuer": pdf.css_string(_("Illicit Drug Sector Working Group · Lao PDR")),
            "css_organisers": pdf.css_string(self.organisers(obj)),
            "page_x_of_y": pdf.page_x_of_y(),
            "lao_font_css": pdf.lao_font_css(),
            "site_url": settings.SITE_URL,  # the portal's address, printed where a document asks for a reply
            "object": obj,
            **own_context,
        }
        return render_to_string(self.template_name, context)

    def fingerprint(self, obj):
        """A hash of the input: equal fingerprints give the same PDF, so one render serves both.

        Requests and status checks call this, so it hashes the HTML built from the cheap
        ``fingerprint_context``; the render task hashes the same way.
        """
        return pdf.fingerprint(self._html(obj, self.fingerprint_context), self.key)

    def __str__(self):
        return str(self.label)


def register(cls):
    """Class decorator: make the document kind ``cls`` known under ``cls.key``."""
    if not cls.key:
        raise ValueError(f"{cls.__name__} has no key")
    if cls.key in REGISTRY and type(REGISTRY[cls.key]) is not cls:
        raise ValueError(f"two document kinds use the key {cls.key!r}")
    REGISTRY[cls.key] = cls()
    if cls.translated:
        register(_lao_twin(cls))
    return cls


def _lao_twin(cls):
    """The Lao edition of the kind ``cls``: same content and rules, printed in Lao, key ``<key>-lo``."""

    class LaoEdition(cls):
        key = f"{cls.key}-lo"
        language = "lo"
        translated = False
        label = format_lazy("{} (ພາສາລາວ)", cls.label)
        page_label = format_lazy("{} · ພາສາລາວ", cls.page_label) if getattr(cls, "page_label", "") else ""
        page_order = getattr(cls, "page_order", 100) + 1

        def filename(self, obj):
            with translation.override(settings.LANGUAGE_CODE):
                return super().filename(obj).removesuffix(".pdf") + "-lo.pdf"

        def featured(self, user):
            # The home page offers the edition in the reader's language (see ``featured_for``).
            return super().featured(user) if translation.get_language() == "lo" else ()

    LaoEdition.__name__ = LaoEdition.__qualname__ = f"{cls.__name__}Lao"
    return LaoEdition


def get(key):
    """The registered kind called ``key``; ``KeyError`` when there is none."""
    return REGISTRY[key]


@dataclass(frozen=True)
class Offer:
    """A PDF that an object's page lists: its kind, the object's id and the links beside it."""

    document: Document
    obj_id: int
    links: tuple = ()


def documents_for(user, obj):
    """The PDFs registered for ``obj`` (by its model) that its page offers ``user``, in page order."""
    kinds = sorted(
        (d for d in REGISTRY.values() if d.page_label and d.model is not None and isinstance(obj, d.model)),
        key=lambda d: (d.page_order, d.key),
    )
    return [Offer(d, obj.pk, tuple(d.page_links(user, obj))) for d in kinds if d.offered_to(user, obj)]


def featured_for(user):
    """``(document, obj)`` pairs the home page offers ``user``, each one they may download.

    Of a translated kind, a reader of Lao is offered the Lao edition instead (see ``_lao_twin``).
    """
    pairs = []
    for document in sorted(REGISTRY.values(), key=lambda d: d.home_order):
        if document.translated and translation.get_language() == "lo":
            continue
        for obj_id in document.featured(user):
            obj = document.get_object(obj_id)
            if document.can_download(user, obj):
                pairs.append((document, obj_id))
    return pairs


@register
class ContactList(Document):
    """The directory of organisations and people, as the secretariat's printed contact list."""

    key = "contact-list"
    label = gettext_lazy("Contact list")
    template_name = "idswg/pdf/contact_list.html"
    landscape = True

    def get_object(self, obj_id):
        from .models import Organisation

        if int(obj_id) != 0:
            raise Organisation.DoesNotExist
        return None

    def title(self, obj):
        return _("IDSWG contact list")

    def filename(self, obj):
        return "idswg-contact-list.pdf"

    def context(self, obj):
        from .models import Organisation

        order = list(Organisation.Kind.values)  # government bodies first, as the kinds are listed
        organisations = sorted(
            Organisation.objects.prefetch_related("people"), key=lambda o: (order.index(o.kind), o.name.lower())
        )
        return {"organisations": organisations}
