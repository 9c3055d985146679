"""Formatted text in forms and histories: the Trix editor field, word-level diffs of two versions, a field's change.

Shared by every app whose content is written with Trix (the SWG report, the country
reports); what a field keeps is decided by ``idswg.sanitise`` when it is cleaned.
"""

import difflib
from dataclasses import dataclass

from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .sanitise import clean_html, plain_text


class TrixWidget(forms.HiddenInput):
    """A hidden input with a Trix editor bound to it (the editor initialises itself when inserted)."""

    template_name = "idswg/widgets/trix.html"

    def __init__(self, label="", attrs=None):
        super().__init__(attrs)
        self.label = label

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["label"] = self.label
        return context

    def id_for_label(self, id_):
        """A field's <label for> names the editor a person types in, not the hidden input behind it."""
        return f"{id_}-editor" if id_ else id_


class RichTextField(forms.CharField):
    widget = TrixWidget

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("strip", False)
        kwargs.setdefault("max_length", 100_000)
        super().__init__(*args, **kwargs)
        # The editor is named by its field's label (a screen reader announces it on focus).
        self.widget.label = self.widget.label or self.label or ""

    def clean(self, value):
        return clean_html(super().clean(value))


def word_diff(old, new):
    """Safe HTML of the words of ``new`` with those removed from ``old`` in ``<del>`` and added in ``<ins>``."""
    a, b = plain_text(str(old or "")).split(), plain_text(str(new or "")).split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return mark_safe(" ".join(out))  # noqa: S308 (every word is escaped above)


# What a history entry's ``history_type`` means (simple-history), for every history page.
HISTORY_TYPES = {"+": _("created"), "~": _("changed"), "-": _("deleted")}


@dataclass
class Change:
    """One field of a saved version against the version before, shown as a word diff."""

    field: str
    label: str
    old: object
    new: object

    @property
    def diff(self):
        return word_diff(self.old, self.new)
