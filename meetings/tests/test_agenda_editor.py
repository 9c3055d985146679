"""The secretariat builds the agenda with partial page updates; clashes are flagged."""

from datetime import time

import pytest
from django.urls import reverse

from idswg.tests.factories import PersonFactory
from meetings import agenda
from meetings.models import AgendaItem

from .factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def meeting():
    return MeetingFactory()


def item_data(**fields):
    return {"start": "09:00", "end": "09:30", "kind": "session", "title_en": "Opening", "points_en": ""} | fields


def test_adding_an_item_answers_with_the_agenda_body(client_for, secretariat, meeting):
    presenter = PersonFactory()
    client = client_for(secretariat)
    url = reverse("meetings:agenda_item_new", args=[meeting.pk])
    response = client.post(url, item_data(points_en="MPS\nJapan", presenters=[presenter.pk]), **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.startswith('<tbody id="agenda-body"') and "Opening" in body and presenter.full_name in body
    item = meeting.agenda_items.get()
    assert item.point_lines() == ["MPS", "Japan"] and list(item.presenters.all()) == [presenter]


def test_an_item_ending_before_it_starts_gets_its_row_back_with_the_message(client_for, secretariat, meeting):
    client = client_for(secretariat)
    url = reverse("meetings:agenda_item_new", args=[meeting.pk])
    response = client.post(url, item_data(start="10:00", end="09:00"), **HTMX)
    assert "An item must end after it starts." in response.content.decode()
    assert response["HX-Retarget"] == "#item-form-new"
    assert not meeting.agenda_items.exists()


def test_editing_and_deleting_an_item(client_for, secretariat, meeting):
    item = AgendaItemFactory(meeting=meeting)
    client = client_for(secretariat)
    edit = reverse("meetings:agenda_item_edit", args=[meeting.pk, item.pk])
    assert 'name="title_en"' in client.get(edit, **HTMX).content.decode()
    client.post(edit, item_data(title_en="Group Photo", kind="photo"), **HTMX)
    assert AgendaItem.objects.get(pk=item.pk).title == "Group Photo"
    client.post(reverse("meetings:agenda_item_delete", args=[meeting.pk, item.pk]), **HTMX)
    assert not meeting.agenda_items.exists()


def test_an_item_of_another_meeting_cannot_be_edited_through_this_one(client_for, secretariat, meeting):
    stranger = AgendaItemFactory()
    client = client_for(secretariat)
    assert client.post(reverse("meetings:agenda_item_delete", args=[meeting.pk, stranger.pk])).status_code == 404
    assert stranger.meeting.agenda_items.filter(pk=stranger.pk).exists()


def test_reordering_puts_items_in_the_order_dragged(client_for, secretariat, meeting):
    first, second, third = (AgendaItemFactory(meeting=meeting) for _ in range(3))
    stranger = AgendaItemFactory()
    client = client_for(secretariat)
    ids = f"{third.pk},{first.pk},{stranger.pk},{second.pk}"
    client.post(reverse("meetings:agenda_reorder", args=[meeting.pk]), {"ids": ids}, **HTMX)
    assert list(meeting.agenda_items.values_list("pk", flat=True)) == [third.pk, first.pk, second.pk]


def test_moving_an_item_up_or_down_without_dragging(client_for, secretariat, meeting):
    first, second, third = (AgendaItemFactory(meeting=meeting) for _ in range(3))
    client = client_for(secretariat)
    client.post(reverse("meetings:agenda_item_move", args=[meeting.pk, third.pk]), {"direction": "up"}, **HTMX)
    client.post(reverse("meetings:agenda_item_move", args=[meeting.pk, first.pk]), {"direction": "up"}, **HTMX)
    assert list(meeting.agenda_items.values_list("pk", flat=True)) == [first.pk, third.pk, second.pk]


def test_overlapping_items_and_items_outside_the_meeting_are_flagged(meeting):
    a = AgendaItemFactory(meeting=meeting, start=time(9, 0), end=time(9, 45), title="A")
    b = AgendaItemFactory(meeting=meeting, start=time(9, 30), end=time(10, 0), title="B")
    c = AgendaItemFactory(meeting=meeting, start=time(10, 0), end=time(10, 30), title="C")
    late = AgendaItemFactory(meeting=meeting, start=time(12, 0), end=time(13, 0), title="Late")  # meeting ends 12:30
    early = AgendaItemFactory(meeting=meeting, start=time(8, 0), end=time(8, 30), title="Early")
    flags = agenda.problems(meeting, list(meeting.agenda_items.all()))
    assert flags[a.pk] == ["Overlaps “B”."] and flags[b.pk] == ["Overlaps “A”."]
    assert c.pk not in flags
    assert "Outside the meeting's times" in flags[late.pk][0] and "Outside" in flags[early.pk][0]


def test_the_editor_shows_the_flags(client_for, secretariat, meeting):
    AgendaItemFactory(meeting=meeting, start=time(9, 0), end=time(9, 45), title="A")
    AgendaItemFactory(meeting=meeting, start=time(9, 30), end=time(10, 0), title="B")
    page = client_for(secretariat).get(reverse("meetings:agenda", args=[meeting.pk])).content.decode()
    assert page.count('data-testid="agenda-flag"') == 2


def test_copying_the_agenda_of_an_earlier_meeting(client_for, secretariat, meeting):
    earlier = MeetingFactory()
    presenter = PersonFactory()
    AgendaItemFactory(meeting=earlier, title="Opening", points="MPS").presenters.add(presenter)
    AgendaItemFactory(meeting=earlier, title="Lunch", kind="meal", start=time(11, 30), end=time(12, 30))
    AgendaItemFactory(meeting=meeting, title="Already here")
    client = client_for(secretariat)
    response = client.post(reverse("meetings:agenda_copy", args=[meeting.pk]), {"source": earlier.pk})
    assert response.status_code == 302
    titles = list(meeting.agenda_items.values_list("title", flat=True))
    assert titles == ["Already here", "Opening", "Lunch"]
    assert list(meeting.agenda_items.get(title="Opening").presenters.all()) == [presenter]
    assert earlier.agenda_items.count() == 2
