"""Who may open the shared pages (see ``idswg.access``).

The PDF views (``render_*``) serve every app's documents; each app lists the rules for its
own documents in its ``url_access.py``, so this module names no other app.
"""

from .access import HTMX, LOGIN, Rule, everyone, members, only_secretariat


def _org(world):
    return {"pk": world["organisations"]["Japan"].pk}


def _org_with_logo(world):
    """Japan, given a logo on the spot (the demo has none: the seeds carry no usable image)."""
    import io

    from PIL import Image

    from . import logos

    organisation = world["organisations"]["Japan"]
    if not organisation.logo:
        png = io.BytesIO()
        Image.new("RGB", (120, 60), "#bc002d").save(png, "PNG")
        logos.replace(organisation, png.getvalue(), "png")
    return {"pk": organisation.pk}


def _person(world):
    return {"pk": world["people"][0].pk}


def _account(world):
    return {"pk": world["users"]["partner"].pk}


def _message(world):
    from .models import SentMessage

    return {"pk": SentMessage.objects.order_by("pk").first().pk}


def _contact_list(world):
    return {"key": "contact-list", "obj_id": 0}


def _rendered_contact_list(world):
    """The contact list, rendered on the spot so that there is a file to download."""
    from . import renders

    renders.run(renders.request_render("contact-list", 0).pk)
    return _contact_list(world)


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
    # Members see the logo the documents they read print; Japan has none in the demo (404).
    Rule("organisation_logo", members(404), kwargs=_org),
    Rule("organisation_logo", members(), kwargs=_org_with_logo),
    # Japan has people and accounts: deleting it is refused with a message and a redirect.
    Rule("organisation_delete", only_secretariat(302), kwargs=_org, method="post"),
    Rule("person_list", only_secretariat()),
    Rule("person_create", only_secretariat()),
    Rule("person_edit", only_secretariat(), kwargs=_person),
    Rule("account_list", only_secretariat()),
    Rule("account_create", only_secretariat()),
    Rule("account_edit", only_secretariat(), kwargs=_account),
    Rule("account_unlock", only_secretariat(302), kwargs=_account, method="post"),
    Rule("outbox", only_secretariat()),
    Rule("outbox", only_secretariat(), query="?state=failed"),
    # The demo's messages are sent: a resend changes nothing and says so.
    Rule("outbox_resend", only_secretariat(302), kwargs=_message, method="post"),
    Rule("render_list", only_secretariat()),
    # The status box as htmx polls it; opened as a link, the box on a page of its own.
    Rule("render_status", only_secretariat(), kwargs=_contact_list, headers=HTMX),
    Rule("render_status", only_secretariat(), kwargs=_contact_list),
    Rule("render_request", only_secretariat(302), kwargs=_contact_list, method="post"),
    Rule("render_download", only_secretariat(), kwargs=_rendered_contact_list),
]

__all__ = ["ACCESS", "LOGIN"]
