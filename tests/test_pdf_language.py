"""Every PDF document kind declares its language in the PDF catalog (``/Lang``), as WCAG asks.

A screen reader reads a PDF in the voice of the language the catalog names (PDF/UA, WCAG 3.1.1):
``en`` for the English kinds and ``lo`` for the Lao editions. The kinds are found through the
registry (``idswg.documents``) and printed from the demo content with the real WeasyPrint, so a
new kind is checked without being named here.
"""

import io

import pytest
from django.conf import settings
from django.core.management import call_command

from idswg import documents, pdf
from idswg.tests.pdf_checks import is_tagged, pdf_reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())


def minutes_of_the_first_meeting():
    """The demo writes no minutes (they are written after a meeting): one, with its opening line."""
    from meetings.models import Meeting, Minutes

    meeting = Meeting.objects.order_by("starts_at").first()
    Minutes.objects.get_or_create(meeting=meeting, defaults={"summary": "The group met and reviewed the year."})
    return meeting.pk


# Kinds (and their Lao editions) whose object the demo does not hold: the test makes one.
MADE_HERE = {"meeting-minutes": minutes_of_the_first_meeting}


def an_object_of(document):
    """The id of the first demo object the kind prints (0 for a document of the whole portal)."""
    if document.model is None:
        return 0
    for pk in document.model._default_manager.order_by("pk").values_list("pk", flat=True):
        try:
            document.get_object(pk)
        except document.model.DoesNotExist:  # a kind that prints only some of its model's rows
            continue
        return pk
    if document.key.removesuffix("-lo") in MADE_HERE:
        return MADE_HERE[document.key.removesuffix("-lo")]()
    pytest.fail(f"the demo has nothing to print as {document.key}")


def test_every_document_kind_declares_its_language_in_the_pdf_catalog(demo):
    declared = {}
    for key in sorted(documents.REGISTRY):
        document = documents.get(key)
        obj_id = an_object_of(document)
        content, _pages = pdf.render(document.html(document.get_object(obj_id)))
        catalog = pdf_reader(content).trailer["/Root"]
        declared[key] = (str(catalog.get("/Lang", "")), document.language or settings.LANGUAGE_CODE)
        assert is_tagged(content), key
    wrong = {key: found for key, (found, wanted) in declared.items() if found != wanted or found not in ("en", "lo")}
    assert not wrong, f"/Lang missing or not the kind's language: {wrong}"
    assert {"en", "lo"} <= {found for found, _wanted in declared.values()}
