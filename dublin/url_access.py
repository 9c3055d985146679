"""Who may open the Mini-Dublin Group pages (see ``idswg.access``).

The demo holds the four final 2017 reports and a 2026 Lao PDR draft with updates asked
of Japan (the demo partner's organisation), Australia, the United States, the EU and UNODC.
"""

from idswg.access import LOGIN, Rule, members, only_secretariat


def _report(year, country="Lao PDR"):
    def kwargs(world):
        from dublin.models import CountryReport

        return {"pk": CountryReport.objects.get(year=year, country__name=country).pk}

    return kwargs


def _report_pk(year):
    def kwargs(world):
        return {"report_pk": _report(year)(world)["pk"]}

    return kwargs


def _section(world):
    from dublin.models import Section

    return {"pk": Section.objects.filter(report__year=2026, report__country__name="Lao PDR").first().pk}


def _section_pk(world):
    return {"section_pk": _section(world)["pk"]}


def _table(world):
    from dublin.models import EmbeddedTable

    return {"pk": EmbeddedTable.objects.filter(section__report__year=2026).first().pk}


def _recommendation(world):
    from dublin.models import Recommendation

    return {"pk": Recommendation.objects.filter(report__year=2026).order_by("-number").first().pk}


def _follow_up(world):
    from dublin.models import FollowUp

    return {"pk": FollowUp.objects.filter(report__year=2026).first().pk}


def _update(organisation):
    def kwargs(world):
        from dublin.models import PartnerUpdate

        return {"pk": PartnerUpdate.objects.get(report__year=2026, organisation__short_name=organisation).pk}

    return kwargs


def _history(world):
    from dublin.models import Section

    section = Section.objects.filter(report__year=2026).first()
    record = section.history.order_by("history_date").first()
    return {"pk": section.report_id, "kind": "section", "history_id": record.history_id}


def _regional(world):
    from dublin.models import RegionalReport

    return {"pk": RegionalReport.objects.get(year=2017).pk}


def draft_for_secretariat(ok=200):
    """A draft is the secretariat's alone: others are told it does not exist."""
    return {"anonymous": LOGIN, "partner": 404, "cochair": 404, "secretariat": ok}


ACCESS = [
    Rule("dublin:report_list", members()),
    Rule("dublin:report_create", only_secretariat()),
    Rule("dublin:report_detail", members(), kwargs=_report(2017)),
    Rule("dublin:report_detail", draft_for_secretariat(), kwargs=_report(2026)),
    Rule("dublin:report_docx", members(), kwargs=_report(2017, "Cambodia")),
    Rule("dublin:report_state", only_secretariat(302), kwargs=_report(2026), method="post", data={"state": "final"}),
    Rule("dublin:report_history", only_secretariat(), kwargs=_report(2026)),
    Rule("dublin:restore", only_secretariat(302), kwargs=_history, method="post"),
    Rule("dublin:section_add", only_secretariat(), kwargs=_report_pk(2026)),
    Rule("dublin:section_edit", only_secretariat(), kwargs=_section),
    Rule("dublin:section_move", only_secretariat(302), kwargs=_section, method="post", data={"direction": "down"}),
    # The first section holds a table and text, no updates: the secretariat may delete it.
    Rule("dublin:section_delete", only_secretariat(302), kwargs=_section, method="post"),
    Rule("dublin:table_add", only_secretariat(302), kwargs=_section_pk, method="post"),
    Rule("dublin:table_delete", only_secretariat(302), kwargs=_table, method="post"),
    Rule("dublin:recommendation_add", only_secretariat(), kwargs=_report_pk(2026)),
    Rule("dublin:recommendation_edit", only_secretariat(), kwargs=_recommendation),
    Rule("dublin:recommendation_delete", only_secretariat(302), kwargs=_recommendation, method="post"),
    Rule("dublin:follow_up_edit", only_secretariat(), kwargs=_follow_up),
    Rule("dublin:board", only_secretariat(), kwargs=_report(2026)),
    Rule("dublin:request_updates", only_secretariat(), kwargs=_report(2026)),
    Rule("dublin:my_updates", {"anonymous": LOGIN, "partner": 200, "cochair": 403, "secretariat": 403}),
    # Japan's update is the demo partner's to write; Australia's is nobody else's business before it is submitted.
    Rule(
        "dublin:update_edit",
        {"anonymous": LOGIN, "partner": 200, "cochair": 404, "secretariat": 200},
        kwargs=_update("Japan"),
    ),
    Rule(
        "dublin:update_edit",
        {"anonymous": LOGIN, "partner": 404, "cochair": 404, "secretariat": 200},
        kwargs=_update("Australia"),
    ),
    Rule(
        "dublin:update_submit",
        {"anonymous": LOGIN, "partner": 404, "cochair": 404, "secretariat": 302},
        kwargs=_update("Australia"),
        method="post",
    ),
    Rule("dublin:update_accept", only_secretariat(302), kwargs=_update("Australia"), method="post"),
    Rule("dublin:update_reopen", only_secretariat(302), kwargs=_update("Australia"), method="post"),
    Rule("dublin:regional_create", only_secretariat()),
    Rule("dublin:regional_detail", only_secretariat(), kwargs=_regional),
    Rule("dublin:regional_edit", only_secretariat(), kwargs=_regional),
    Rule("dublin:regional_docx", only_secretariat(), kwargs=_regional),
]

__all__ = ["ACCESS", "LOGIN"]
