"""Plans and their numbered priority areas: members read them, the secretariat keeps them."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from reports.models import Plan, PriorityArea

from .factories import PlanFactory, PriorityAreaFactory


def test_members_read_a_plan_with_its_priority_areas(client_for, partner):
    area = PriorityAreaFactory(number=3, title="Expand Regional Cooperation", bullets="- Expand BLOs\n- Mekong MOU")
    page = client_for(partner).get(reverse("reports:plan_detail", args=[area.plan_id])).content.decode()
    assert "Expand Regional Cooperation" in page and "<li>Expand BLOs</li>" in page
    assert client_for(partner).get(reverse("reports:plan_list")).status_code == 200


def test_the_secretariat_creates_a_plan_with_areas(client_for, secretariat):
    data = {
        "name_en": "National Agenda 2021-2025",
        "kind": "national_agenda",
        "start_year": 2021,
        "end_year": 2025,
        "areas-TOTAL_FORMS": 2,
        "areas-INITIAL_FORMS": 0,
        "areas-0-number": 1,
        "areas-0-title_en": "Re-education and dissemination of legal information",
        "areas-1-number": 2,
        "areas-1-title_en": "Formulation and improvement on drug law and regulation",
    }
    response = client_for(secretariat).post(reverse("reports:plan_create"), data)
    plan = Plan.objects.get()
    assert response["Location"] == plan.get_absolute_url()
    assert [a.number for a in plan.priority_areas.all()] == [1, 2]


def test_a_period_ending_before_it_starts_is_refused_next_to_the_field(client_for, secretariat):
    data = {
        "name_en": "Backwards",
        "kind": "nsedp",
        "start_year": 2030,
        "end_year": 2026,
        "areas-TOTAL_FORMS": 0,
        "areas-INITIAL_FORMS": 0,
    }
    response = client_for(secretariat).post(reverse("reports:plan_create"), data)
    assert "The last year cannot come before the first." in response.content.decode()
    assert not Plan.objects.exists()


def test_the_database_refuses_a_backwards_period(db):
    with pytest.raises(IntegrityError):
        PlanFactory(start_year=2030, end_year=2026)


def test_the_database_refuses_two_areas_with_one_number(db):
    area = PriorityAreaFactory(number=1)
    with pytest.raises(IntegrityError):
        PriorityArea.objects.create(plan=area.plan, number=1, title="Duplicate")


def test_partners_cannot_edit_plans(client_for, partner):
    plan = PlanFactory()
    client = client_for(partner)
    assert client.get(reverse("reports:plan_edit", args=[plan.pk])).status_code == 403
    data = {"name_en": "Renamed", "kind": plan.kind, "start_year": 2016, "end_year": 2020, "areas-TOTAL_FORMS": "0"}
    assert client.post(reverse("reports:plan_edit", args=[plan.pk]), data).status_code == 403
    assert client.post(reverse("reports:plan_create"), data).status_code == 403
    assert Plan.objects.get(pk=plan.pk).name == plan.name and Plan.objects.count() == 1
