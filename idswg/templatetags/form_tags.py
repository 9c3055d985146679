"""``{% error_summary form formset ... %}``: a form's errors listed at its top, each linked to its field.

WCAG 3.3.1 and 2.4.3: after a refused submit the summary is focused (static/js/portal.js,
``data-error-summary``), a screen reader reads it, and each link moves focus to its field.
"""

from django import template
from django.forms import BaseFormSet

register = template.Library()


def _forms(items):
    for item in items:
        if isinstance(item, BaseFormSet):
            yield from item.forms
        elif item is not None:
            yield item


def form_errors(*forms_and_formsets):
    """``[(field id or None, label, message)]`` of every error, in the order the fields are shown."""
    errors = []
    for item in forms_and_formsets:
        if isinstance(item, BaseFormSet):
            errors += [(None, "", message) for message in item.non_form_errors()]
    for form in _forms(forms_and_formsets):
        errors += [(None, "", message) for message in form.non_field_errors()]
        for field in form:
            if field.is_hidden:
                continue
            errors += [(field.id_for_label, field.label, message) for message in field.errors]
    return errors


@register.inclusion_tag("idswg/_error_summary.html")
def error_summary(*forms_and_formsets):
    return {"errors": form_errors(*forms_and_formsets)}
