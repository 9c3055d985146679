"""Who may open the shared pages (see ``idswg.access``)."""

from .access import LOGIN, Rule, everyone, members, only_secretariat


def _org(world):
    return {"pk": world["organisations"]["Japan"].pk}


def _person(world):
    return {"pk": world["people"][0].pk}


def _account(world):
    return {"pk": world["users"]["partner"].pk}


ACCESS = [
    Rule("home", everyone()),
    Rule("login", everyone()),
    Rule("logout", everyone(302), method="post"),
    Rule("password_change", members()),
    Rule("password_change_done", members()),
    Rule("password_reset", everyone()),
    Rule("password_reset_done", everyone()),
    Rule("password_reset_confirm", everyone(), kwargs={"uidb64": "MQ", "token": "bad-token"}),
    Rule("password_reset_complete", everyone()),
    Rule("profile", members()),
    Rule("set_language", everyone(302), method="post", data={"language": "en"}),
    Rule("organisation_list", only_secretariat()),
    Rule("organisation_create", only_secretariat()),
    Rule("organisation_detail", only_secretariat(), kwargs=_org),
    Rule("organisation_edit", only_secretariat(), kwargs=_org),
    # Japan has people and accounts: deleting it is refused with a message and a redirect.
    Rule("organisation_delete", only_secretariat(302), kwargs=_org, method="post"),
    Rule("person_list", only_secretariat()),
    Rule("person_create", only_secretariat()),
    Rule("person_edit", only_secretariat(), kwargs=_person),
    Rule("account_list", only_secretariat()),
    Rule("account_create", only_secretariat()),
    Rule("account_edit", only_secretariat(), kwargs=_account),
]

__all__ = ["ACCESS", "LOGIN"]
