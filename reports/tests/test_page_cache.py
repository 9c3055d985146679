"""A report's page body is served from the cache until anything it shows changes (``reports.page_cache``).

Each change below is made the way the portal makes it, then the page is read again: it must show
the change. The suite's ``CACHED_HTML_CHECK`` would catch a stale body anyway; these tests
also say what was expected, one change each.
"""

import re

import pytest
from django.urls import reverse

from idswg.cached_html import csrf_placeholder
from idswg.roles import PARTNER
from idswg.tests.factories import UserFactory
from reports import editing, page_cache, review
from reports.models import MatrixRow, MatrixSection, Report

from .factories import CommentFactory, NarrativeFactory, PlanFactory, PriorityAreaFactory, report_with_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    return report_with_rows(2)


@pytest.fixture
def page(client_for, secretariat, report):
    """``page()``: the report's page as the secretariat sees it now (read once first, so it is cached)."""
    client = client_for(secretariat)
    client.get(report.get_absolute_url())

    def read():
        response = client.get(report.get_absolute_url())
        assert response.status_code == 200
        return response.text

    return read


def first_row(report):
    return MatrixRow.objects.filter(section__report=report).order_by("pk").first()


def test_a_second_read_comes_from_the_cache_without_reading_the_report_again(
    client_for, secretariat, report, settings, session_queries, django_assert_num_queries
):
    settings.CACHED_HTML_CHECK = False  # the check renders again: here the production path is counted
    client = client_for(secretariat)
    first = client.get(report.get_absolute_url()).text
    # the user with their roles, the report (its stamp comes with it): no sections, rows, comments or areas
    with django_assert_num_queries(session_queries + 2):
        second = client.get(report.get_absolute_url()).text
    strip = re.compile(r"[A-Za-z0-9]{64}|nonce=\"[^\"]*\"")  # the masked CSRF tokens, the CSP nonces
    assert strip.sub("", first) == strip.sub("", second)


def test_the_cached_body_carries_each_readers_own_csrf_token_and_never_the_placeholder(client_for, secretariat):
    report = report_with_rows(2, state=Report.State.REVIEW)
    row = first_row(report)
    for _ in range(2):  # a miss, then a hit
        client = client_for(UserFactory(role=PARTNER))
        text = client.get(report.get_absolute_url()).text
        assert csrf_placeholder() not in text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)
        client.handler.enforce_csrf_checks = True
        response = client.post(
            reverse("reports:comment_create", args=[row.pk]), {"body": "Seen", "csrfmiddlewaretoken": token}
        )
        assert response.status_code in (200, 302), response.status_code  # not refused for its token


def test_readers_with_other_rights_get_other_bodies(client_for, secretariat, report):
    client_for(secretariat).get(report.get_absolute_url())
    partner_page = client_for(UserFactory(role=PARTNER)).get(report.get_absolute_url())
    assert partner_page.status_code == 404  # a draft is the secretariat's
    review.move_to(report, Report.State.REVIEW, secretariat)
    secretariat_text = client_for(secretariat).get(report.get_absolute_url()).text
    partner_text = client_for(UserFactory(role=PARTNER)).get(report.get_absolute_url()).text
    assert 'id="matrix-row-tools"' in secretariat_text
    assert 'id="matrix-row-tools"' not in partner_text
    assert 'id="matrix-row-comment"' in partner_text


def test_the_body_is_written_in_the_readers_language(client_for, secretariat, report):
    client = client_for(secretariat)
    assert "Sector Working Group" in client.get(report.get_absolute_url()).text
    secretariat.language = "lo"
    secretariat.save()
    lao = client_for(secretariat).get(report.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="lo").text
    assert 'lang="lo"' in lao
    assert "Name of Sector Working Group" not in lao


def test_a_row_saved_shows(page, report, secretariat):
    row = first_row(report)
    editing.save_row(row.pk, row.version, {"outputs": "<p>Saved text 1</p>"}, secretariat)
    assert "Saved text 1" in page()


def test_a_row_added_moved_and_deleted_shows(page, report):
    section = MatrixSection.objects.filter(report=report, parent=None).get()
    added = editing.add_row(section, {"outputs": "<p>Added row text</p>"})
    assert "Added row text" in page()
    editing.move_row(added, "up")
    text = page()
    assert text.index("Added row text") < text.index(first_row(report).outputs.removeprefix("<p>").removesuffix("</p>"))
    editing.delete_row(MatrixRow.objects.get(pk=added.pk))
    assert "Added row text" not in page()


def test_sections_added_renamed_and_deleted_show(page, report):
    section = editing.add_section(report, "A new lettered section")
    assert "A new lettered section" in page()
    editing.rename_section(section, "A renamed section")
    assert "A renamed section" in page()
    editing.delete_section(MatrixSection.objects.get(pk=section.pk))
    assert "A renamed section" not in page()


def test_a_narrative_and_the_header_changed_show(page, report):
    narrative = NarrativeFactory(report=report, title="Lessons", body="<p>First lesson</p>")
    assert "First lesson" in page()
    narrative.body = "<p>Second lesson</p>"
    narrative.save()
    assert "Second lesson" in page()
    report.key_mandate = "A new mandate"
    report.save(update_fields=["key_mandate"])
    assert "A new mandate" in page()


def test_comments_made_and_resolved_show(page, report, secretariat):
    row = first_row(report)
    Report.objects.filter(pk=report.pk).update(state=Report.State.REVIEW)  # as move_to would, without its save
    report.refresh_from_db()
    page_cache.touch(pk=report.pk)
    comment = review.add_comment(row, secretariat, "A fresh remark")
    assert "A fresh remark" in page()
    review.resolve_comment(comment, secretariat)
    assert "Resolved by" in page()


def test_priority_areas_linked_and_renamed_show(page, report):
    plan = PlanFactory(name="Master Plan")
    area = PriorityAreaFactory(plan=plan, title="Supply reduction")
    first_row(report).priority_areas.add(area)
    assert "Supply reduction" in page()
    area.title = "Supply reduction and control"
    area.save()
    assert "Supply reduction and control" in page()
    area.matrix_rows.clear()  # from the area's side
    assert "Supply reduction and control" not in page()


def test_a_comment_authors_new_name_shows(page, report):
    author = CommentFactory._meta.model.objects.filter(row__section__report=report).first().author
    author.first_name, author.last_name = "Renamed", "Author"
    author.save()
    assert "Renamed Author" in page()


def test_a_log_in_leaves_the_cached_bodies_alone(report, secretariat):
    stamp = Report.objects.get(pk=report.pk).content_stamp
    author = CommentFactory._meta.model.objects.filter(row__section__report=report).first().author
    author.save(update_fields=["last_login"])
    assert Report.objects.get(pk=report.pk).content_stamp == stamp


def test_a_stale_body_is_caught_when_a_change_forgets_the_stamp(client_for, secretariat, report):
    client = client_for(secretariat)
    client.get(report.get_absolute_url())
    row = first_row(report)
    MatrixRow.objects.filter(pk=row.pk).update(outputs="<p>Written behind the cache's back</p>")
    with pytest.raises(AssertionError, match="stale"):
        client.get(report.get_absolute_url())
