"""Plans and their priority areas have titles in Lao and English; a page shows the reader's language."""

import pytest
from django.conf import settings
from django.urls import reverse

from reports.demo import load_plans
from reports.models import Plan, PriorityArea

from .factories import PlanFactory

pytestmark = pytest.mark.django_db

MASTER_PLAN_LO = "ແຜນແມ່ບົດແຫ່ງຊາດ ວ່າດ້ວຍການຄວບຄຸມຢາເສບຕິດ 2016-2020"


def test_the_plan_page_shows_the_lao_titles_with_lao_chosen_and_the_english_ones_otherwise(client_for, secretariat):
    plan = PlanFactory(name="National Drug Control Master Plan 2016-2020", name_lo=MASTER_PLAN_LO)
    PriorityArea.objects.create(plan=plan, number=6, title="Law enforcement", title_lo="ການປາບປາມ")
    PriorityArea.objects.create(plan=plan, number=8, title="International cooperation")
    client = client_for(secretariat)
    english = client.get(plan.get_absolute_url()).content.decode()
    assert "Law enforcement" in english and "ການປາບປາມ" not in english
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "lo"
    lao = client.get(plan.get_absolute_url()).content.decode()
    assert MASTER_PLAN_LO in lao and "ການປາບປາມ" in lao and "Law enforcement" not in lao
    assert "International cooperation" in lao  # no Lao title: the English one


def test_the_plan_form_saves_both_names_and_both_area_titles(client_for, secretariat):
    data = {
        "name_en": "National Drug Control Master Plan 2016-2020",
        "name_lo": MASTER_PLAN_LO,
        "kind": "master_plan",
        "start_year": 2016,
        "end_year": 2020,
        "areas-TOTAL_FORMS": 1,
        "areas-INITIAL_FORMS": 0,
        "areas-0-number": 6,
        "areas-0-title_en": "Law enforcement",
        "areas-0-title_lo": "ການປາບປາມ",
    }
    response = client_for(secretariat).post(reverse("reports:plan_create"), data)
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert plan.name_lo == MASTER_PLAN_LO
    assert plan.priority_areas.values_list("title_en", "title_lo").get() == ("Law enforcement", "ການປາບປາມ")


def test_plans_without_a_lao_name_do_not_clash():
    PlanFactory(name="A plan")
    PlanFactory(name="Another plan")
    assert Plan.objects.filter(name_lo__isnull=True).count() == 2


def test_the_demo_fills_the_lao_titles_of_the_plans_and_their_priority_areas():
    load_plans(lambda line: None)
    master = Plan.objects.get(name_en="National Drug Control Master Plan 2016-2020")
    assert master.name_lo == MASTER_PLAN_LO
    assert master.priority_areas.count() == 9
    assert not PriorityArea.objects.filter(title_lo__isnull=True).exists()
    assert master.priority_areas.get(number=6).title_lo == "ການປາບປາມ"
