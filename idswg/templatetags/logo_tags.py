"""The organisers' logos in printed documents (``templates/pdf/_logos.html``)."""

from django import template

from idswg import logos

register = template.Library()


@register.filter
def with_logos(organisations):
    """``[(organisation, data: URI)]`` of the ``organisations`` that have a logo, in their order.

    The images go into the HTML itself (``idswg.logos.data_uri``): a render fetches nothing,
    and a new logo changes the document's fingerprint, so its PDFs are rendered again.
    """
    return logos.printed(organisations)
