"""Two people editing the same row: the second save is refused with both versions shown, never lost."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from idswg.tests.factories import secretariat_user
from reports import editing
from reports.models import MatrixRow

from .factories import PriorityAreaFactory, RowFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def post_row(client, row, version, progress, **extra):
    data = {"version": version, "outputs": row.outputs, "progress": progress, "challenges": row.challenges}
    data.update(extra)
    return client.post(reverse("reports:row_edit", args=[row.pk]), data, **HTMX)


def test_a_save_at_the_current_version_is_stored_and_counts_up(secretariat):
    row = RowFactory()
    saved = editing.save_row(row.pk, 1, {"progress": "<p><strong>Done</strong></p>"}, secretariat)
    assert saved.version == 2
    assert MatrixRow.objects.get(pk=row.pk).progress == "<p><strong>Done</strong></p>"


def test_a_save_from_a_stale_version_is_refused_and_carries_both_versions(secretariat):
    row = RowFactory()
    editing.save_row(row.pk, 1, {"progress": "<p>Theirs</p>"}, secretariat)
    with pytest.raises(editing.StaleRow) as refused:
        editing.save_row(row.pk, 1, {"progress": "<p>Mine</p>"}, secretariat)
    assert refused.value.current.progress == "<p>Theirs</p>"
    assert refused.value.current.version == 2
    assert refused.value.mine.progress == "<p>Mine</p>"
    assert MatrixRow.objects.get(pk=row.pk).progress == "<p>Theirs</p>"


def test_the_second_editor_sees_both_versions_and_nothing_is_lost(client_for, secretariat):
    row = RowFactory()
    other = secretariat_user(first_name="Khamla", last_name="Phommachanh")
    assert post_row(client_for(other), row, 1, "<p>Their progress</p>").status_code == 200

    response = post_row(client_for(secretariat), row, 1, "<div><strong>My</strong> progress</div>")

    assert response.status_code == 409
    page = response.content.decode()
    assert 'data-testid="conflict"' in page
    assert "Their progress" in page and "<strong>My</strong> progress" in page
    assert "saved by Khamla Phommachanh" in page
    # The editor now starts from their version, holding my text, so saving again is a deliberate merge.
    assert 'name="version" value="2"' in page
    assert MatrixRow.objects.get(pk=row.pk).progress == "<p>Their progress</p>"


def test_after_merging_by_hand_the_second_editor_saves(client_for, secretariat):
    row = RowFactory()
    post_row(client_for(secretariat_user()), row, 1, "<p>Theirs</p>")
    client = client_for(secretariat)
    assert post_row(client, row, 1, "<p>Mine</p>").status_code == 409
    response = post_row(client, row, 2, "<p>Theirs</p><p>Mine</p>")
    assert response.status_code == 200
    assert MatrixRow.objects.get(pk=row.pk).progress == "<p>Theirs</p><p>Mine</p>"
    assert MatrixRow.objects.get(pk=row.pk).version == 3


def test_a_save_answers_the_row_fragment_alone(client_for, secretariat):
    row = RowFactory()
    response = post_row(client_for(secretariat), row, 1, "<p>Swapped in place</p>")
    page = response.content.decode()
    assert page.lstrip().startswith(f'<tr id="row-{row.pk}"')
    assert "<html" not in page and "Swapped in place" in page


def test_a_save_sets_the_rows_priority_areas(client_for, secretariat):
    row = RowFactory()
    area = PriorityAreaFactory(title="Law enforcement")
    post_row(client_for(secretariat), row, 1, "<p>x</p>", priority_areas=[area.pk])
    assert list(row.priority_areas.all()) == [area]


def test_an_indicator_too_long_is_refused_next_to_the_field(client_for, secretariat):
    row = RowFactory(section__report__layout="2015")
    data = {"version": 1, "indicator": "x" * 301}
    response = client_for(secretariat).post(reverse("reports:row_edit", args=[row.pk]), data, **HTMX)
    assert response.status_code == 422
    assert "invalid-feedback" in response.content.decode()
    assert MatrixRow.objects.get(pk=row.pk).version == 1


@pytest.mark.django_db(transaction=True)
def test_two_saves_racing_from_the_same_version_never_both_win():
    """Eight threads save the same row from version 1 at once: exactly one is stored, the others are refused."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL (CI sets DATABASE_URL)")
    user = secretariat_user()
    row = RowFactory()
    barrier = threading.Barrier(8)
    outcomes = []

    def save(n):
        try:
            barrier.wait()
            editing.save_row(row.pk, 1, {"progress": f"<p>Editor {n}</p>"}, user)
            outcomes.append(("saved", n))
        except editing.StaleRow:
            outcomes.append(("refused", n))
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    saved = [n for outcome, n in outcomes if outcome == "saved"]
    assert len(saved) == 1 and len(outcomes) == 8
    stored = MatrixRow.objects.get(pk=row.pk)
    assert stored.version == 2 and stored.progress == f"<p>Editor {saved[0]}</p>"
    assert stored.history.filter(history_type="~").count() == 1
