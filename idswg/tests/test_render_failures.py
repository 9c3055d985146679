"""Any failed render ends its job as failed with the reason, and renders work with hashed static files.

With DEBUG off the static files come from ``STATIC_ROOT`` under hashed names (collectstatic);
the PDF renderer must read them there, and a static file it cannot read must fail the job,
not strand it: WeasyPrint's ``FatalURLFetchingError`` is no ``Exception``.
"""

import io

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.templatetags.static import static
from django.test import override_settings

from idswg import documents, pdf, renders
from idswg.models import RenderJob

pytestmark = pytest.mark.django_db
State = RenderJob.State
PRODUCTION_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def missing_stylesheet_document():
    """A document kind whose HTML links a static file that does not exist."""

    @documents.register
    class MissingStylesheet(documents.ContactList):
        key = "missing-stylesheet-test"

        def html(self, obj):
            link = '<link rel="stylesheet" href="/static/pdf/no-such-file.css">'
            return super().html(obj).replace("</head>", f"{link}</head>")

    yield MissingStylesheet
    del documents.REGISTRY["missing-stylesheet-test"]


def production_static(root):
    return {
        "STATIC_ROOT": root,
        "STORAGES": {**django_settings.STORAGES, "staticfiles": {"BACKEND": PRODUCTION_STORAGE}},
    }


@pytest.fixture(scope="module")
def _collected_root(tmp_path_factory):
    """collectstatic with the production storage, once for this module (it takes seconds)."""
    root = tmp_path_factory.mktemp("static")
    with override_settings(**production_static(root)):
        call_command("collectstatic", interactive=False, verbosity=0, stdout=io.StringIO())
    return root


@pytest.fixture
def collected_static(settings, _collected_root):
    """The production static setup: hashed names, read from a collected STATIC_ROOT."""
    for name, value in production_static(_collected_root).items():
        setattr(settings, name, value)
    return _collected_root


def request(key, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = renders.request_render(key, 0)
    job.refresh_from_db()
    return job


def test_a_render_that_cannot_read_a_static_file_fails_with_the_reason(
    missing_stylesheet_document, django_capture_on_commit_callbacks
):
    job = request("missing-stylesheet-test", django_capture_on_commit_callbacks)
    assert job.state == State.FAILED
    assert job.finished_at is not None
    assert "FatalURLFetchingError" in job.error and "no-such-file.css" in job.error
    assert not job.output


def test_after_a_failed_render_the_next_request_queues_a_new_job(
    missing_stylesheet_document, django_capture_on_commit_callbacks
):
    failed = request("missing-stylesheet-test", django_capture_on_commit_callbacks)
    again = request("missing-stylesheet-test", django_capture_on_commit_callbacks)
    assert again.pk != failed.pk
    assert again.state == State.FAILED  # still missing: failed again, not stuck as running
    assert not RenderJob.objects.filter(state__in=[State.QUEUED, State.RUNNING]).exists()


def test_a_pdf_renders_from_collected_static_files_with_hashed_names(
    collected_static, django_capture_on_commit_callbacks
):
    stylesheet = static("pdf/print.css")
    assert stylesheet != "/static/pdf/print.css"  # a hashed name, as with DEBUG off
    job = request("contact-list", django_capture_on_commit_callbacks)
    assert job.state == State.DONE, job.error
    assert job.output.read().startswith(b"%PDF")


def test_static_files_are_read_from_static_root_by_plain_or_hashed_name(collected_static):
    hashed = static("pdf/fonts.css").removeprefix("/static/")
    assert pdf.static_path("pdf/fonts.css") == collected_static / hashed
    assert pdf.static_path(hashed) == collected_static / hashed
    # The collected stylesheet names the hashed fonts, which are found too.
    font = static("vendor/fonts/noto-sans-latin-400-normal.woff2").removeprefix("/static/")
    assert font in (collected_static / hashed).read_text()
    assert pdf.static_path(font).read_bytes().startswith(b"wOF2")


def test_without_collectstatic_static_files_are_read_from_the_source_folders(settings):
    assert static("pdf/print.css") == "/static/pdf/print.css"
    assert pdf.static_path("pdf/print.css") == settings.BASE_DIR / "static" / "pdf" / "print.css"


def test_an_unknown_static_file_is_refused_by_name(collected_static):
    with pytest.raises(FileNotFoundError, match="no-such-file.css"):
        pdf.static_path("pdf/no-such-file.css")
    with pytest.raises(FileNotFoundError):
        pdf.static_path("pdf/print.0123456789ab.css")
