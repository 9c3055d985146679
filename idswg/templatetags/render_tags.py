"""Template tags of the PDF renders: what the home panel offers to download."""

from django import template

from .. import documents, renders

register = template.Library()


@register.simple_tag(takes_context=True)
def home_documents(context):
    """The status of each PDF the home page offers the user (see ``Document.featured``)."""
    user = context["request"].user
    return [renders.status(document.key, obj_id, user) for document, obj_id in documents.featured_for(user)]


@register.inclusion_tag("idswg/_render_box.html", takes_context=True)
def render_box(context, key, obj_id):
    """``{% render_box "meeting-briefing" meeting.pk %}``: the PDF box of one document.

    Those who may not download the document see nothing (no link that answers 403).
    """
    request = context["request"]
    document = documents.get(key)
    if not document.can_download(request.user, document.get_object(obj_id)):
        return {"hidden": True}
    return {"request": request, "csrf_token": context.get("csrf_token"), **renders.status(key, obj_id, request.user)}
