"""Forms of the seizures app (the row grid reads its inputs itself, see ``entry.py``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Country
from .numbers import ASK, COMMA_DECIMAL, POINT_DECIMAL

NUMBER_FORMATS = [
    (ASK, _("Ask me when a number is ambiguous (e.g. “1,234”)")),
    (POINT_DECIMAL, _("1,234.5: comma for thousands, point for decimals")),
    (COMMA_DECIMAL, _("1.234,5: point for thousands, comma for decimals")),
]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
        help_text=_(
            "Either the table's layout (a “Year” column, then one column per measure such as “Heroin (kg)”) "
            "or one value per line (Country, Year, Measure, Value)."
        ),
    )
    country = forms.ModelChoiceField(
        Country.objects.all(),
        label=_("Country"),
        required=False,
        to_field_name="slug",
        help_text=_("Needed for a file in the table's layout."),
    )
    number_format = forms.ChoiceField(label=_("Number format"), choices=NUMBER_FORMATS, initial=ASK)


class NumberFormatForm(forms.Form):
    number_format = forms.ChoiceField(label=_("Number format"), choices=NUMBER_FORMATS)
