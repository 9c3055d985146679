"""Choosing the language: Lao known to Django, the footer switch, the choice kept on the account."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import check_for_language, get_language_info

from idswg.language import lao_runs
from idswg.models import User
from idswg.roles import COCHAIR
from idswg.tests.factories import OrganisationFactory, secretariat_user

pytestmark = pytest.mark.django_db


def test_lao_is_a_language_django_knows_with_its_own_name():
    assert check_for_language("lo")
    info = get_language_info("lo")
    assert (info["code"], info["name"], info["name_local"], info["bidi"]) == ("lo", "Lao", "ພາສາລາວ", False)


def test_the_footer_names_each_language_in_its_own_name_and_applies_it_with_a_button(client):
    page = client.get(reverse("login")).content.decode()
    footer = page[page.index('action="/i18n/setlang/"') :]
    footer = footer[: footer.index("</form>")]
    assert '<option value="lo" lang="lo">ພາສາລາວ</option>' in footer
    assert '<option value="en" lang="en" selected>English</option>' in footer
    assert "onchange" not in footer
    assert 'type="submit"' in footer


def test_choosing_lao_reloads_the_page_in_lao_with_the_html_language(client):
    response = client.post(reverse("set_language"), {"language": "lo", "next": reverse("login")}, follow=True)
    page = response.content.decode()
    assert '<html lang="lo">' in page
    assert "ເຂົ້າສູ່ລະບົບ" in page  # "Log in"
    assert '<option value="lo" lang="lo" selected>ພາສາລາວ</option>' in page


def test_a_signed_in_users_choice_is_kept_on_the_account(client):
    user = secretariat_user()
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "lo", "next": "/"})
    user.refresh_from_db()
    assert user.language == "lo"


def test_the_accounts_language_applies_in_another_browser_and_sets_the_cookie(client):
    user = secretariat_user(language="lo")
    client.force_login(user)
    response = client.get(reverse("profile"))
    assert '<html lang="lo">' in response.content.decode()
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "lo"
    # After logging out the browser keeps the language through the cookie.
    client.post(reverse("logout"))
    assert '<html lang="lo">' in client.get(reverse("login")).content.decode()


def test_the_accounts_language_overrides_the_browsers(client):
    user = secretariat_user(language="en")
    client.force_login(user)
    page = client.get(reverse("profile"), headers={"accept-language": "lo"}).content.decode()
    assert '<html lang="en">' in page


def test_an_unknown_language_changes_nothing_on_the_account(client):
    user = secretariat_user(language="lo")
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    user.refresh_from_db()
    assert user.language == "lo"


def test_dates_times_and_numbers_are_written_the_lao_way_in_vientiane_time():
    moment = datetime.datetime(2026, 12, 1, 2, 30, tzinfo=datetime.UTC)
    with translation.override("lo"), timezone.override("Asia/Vientiane"):
        local = timezone.localtime(moment)
        assert formats.date_format(local, "DATE_FORMAT") == "1 ທັນວາ 2026"
        assert formats.date_format(local, "TIME_FORMAT") == "09:30"
        assert formats.date_format(local, "SHORT_DATE_FORMAT") == "01/12/2026"
        assert formats.number_format(Decimal("68.35"), 2) == "68,35"
        assert formats.number_format(Decimal("1234567.5"), 1, force_grouping=True) == "1.234.567,5"
    with translation.override("en"):
        assert formats.number_format(Decimal("68.35"), 2) == "68.35"


def test_lao_text_in_an_english_page_is_marked_as_lao():
    with translation.override("en"):
        marked = lao_runs("HLM 2024: ກອງປະຊຸມຂັ້ນສູງ ປີ 2024 <b>")
        assert marked == 'HLM 2024: <span lang="lo">ກອງປະຊຸມຂັ້ນສູງ ປີ</span> 2024 &lt;b&gt;'
        assert lao_runs("Only English") == "Only English"
    with translation.override("lo"):
        assert lao_runs("ກອງປະຊຸມ") == "ກອງປະຊຸມ"


def test_the_lao_filter_marks_a_title_in_a_template():
    template = Template("{% load lao_tags %}<h1>{{ title|lao }}</h1>")
    with translation.override("en"):
        html = template.render(Context({"title": "ກອງປະຊຸມວິຊາການ & co"}))
    assert html == '<h1><span lang="lo">ກອງປະຊຸມວິຊາການ</span> &amp; co</h1>'


def test_a_lao_organisation_name_in_the_english_directory_is_marked_as_lao(client):
    client.force_login(secretariat_user(language="en"))
    OrganisationFactory(name="ຄະນະກຳມະການແຫ່ງຊາດ ເພື່ອຄວບຄຸມ ແລະ ກວດກາຢາເສບຕິດ")
    page = client.get(reverse("organisation_list")).content.decode()
    assert '<span lang="lo">ຄະນະກຳມະການແຫ່ງຊາດ ເພື່ອຄວບຄຸມ ແລະ ກວດກາຢາເສບຕິດ</span>' in page


def test_the_secretariat_gives_a_new_account_lao_and_its_password_email_is_lao(client, mailoutbox):
    client.force_login(secretariat_user(language="en"))
    response = client.post(
        reverse("account_create"),
        {"username": "somphone", "email": "somphone@example.org", "role": COCHAIR, "language": "lo", "is_active": "on"},
    )
    assert response.status_code == 302
    assert User.objects.get(username="somphone").language == "lo"
    [message] = mailoutbox
    assert message.subject == "ບັນຊີລະບົບ IDSWG ຂອງທ່ານ"
    profile = client.get(reverse("profile")).content.decode()
    assert "English" in profile
