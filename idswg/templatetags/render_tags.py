"""Template tags of the PDF renders: what the home panel and an object's page offer to download."""

from django import template

from .. import documents

register = template.Library()


@register.simple_tag(takes_context=True)
def home_documents(context):
    """The PDFs the home page offers the user (see ``Document.featured``), each with its title.

    Their status boxes load themselves (``_render_lazy.html``): building a document's
    HTML to see whether its PDF is stale is not done while the home page renders.
    """
    user = context["request"].user
    return [
        {"document": document, "obj_id": obj_id, "title": document.title(document.get_object(obj_id))}
        for document, obj_id in documents.featured_for(user)
    ]


@register.simple_tag(takes_context=True)
def documents_for(context, obj):
    """The PDFs registered for ``obj`` that its page lists for the user (``idswg.documents.documents_for``)."""
    return documents.documents_for(context["request"].user, obj)
