"""Forms of the seizures app (the row grid reads its inputs itself, see ``entry.py``)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import table_setup
from .models import Country, Measure
from .numbers import ASK, COMMA_DECIMAL, MAX_DECIMALS, POINT_DECIMAL

NUMBER_FORMATS = [
    (ASK, _("Decide from the file, ask me if it does not show (e.g. only “1,234”)")),
    (POINT_DECIMAL, _("1,234.5: comma for thousands, point for decimals")),
    (COMMA_DECIMAL, _("1.234,5: point for thousands, comma for decimals")),
]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
        help_text=_(
            "One row per year (“Year”, then one column per measure such as “Heroin (kg)”), one row per measure "
            "with years across (optionally a “Unit” column), or one value per line (Country, Year, Measure, "
            "Value). Title rows above the table and notes under it are offered as its title, source and footnotes."
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


class TableForm(forms.Form):
    """A country's table: its name, title, source line, footnotes, and which measures are its columns in which order.

    Each measure has a ``column-<id>`` box (is it a column?) and a ``position-<id>``
    number (where); ``cleaned_data["measure_ids"]`` lists the chosen ones in order.
    """

    name = forms.CharField(label=_("Country"), max_length=100)
    table_title = forms.CharField(
        label=_("Table title"),
        max_length=200,
        required=False,
        help_text=_("e.g. “Seizure of illicit drugs in Thailand from 2012 to 2017”. Empty: a title is made up."),
    )
    source = forms.CharField(
        label=_("Source"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Printed under the table, e.g. “ONCB” or “DAINAP”."),
    )
    footnotes = forms.CharField(
        label=_("Footnotes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Printed under the table."),
    )

    def __init__(self, *args, country=None, propose=None, **kwargs):
        """``propose``: a measure id to offer ticked as the last column (one just created from this page)."""
        self.country = country
        self.held_ids = set()  # columns that were to be removed but hold values
        current = table_setup.column_ids(country) if country else []
        if propose is not None and propose not in current:
            current.append(propose)
        if country is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": country.name,
                    "table_title": country.table_title,
                    "source": country.source,
                    "footnotes": country.footnotes,
                },
            )
        super().__init__(*args, **kwargs)
        measures = list(Measure.objects.all())
        # Current columns first in their order, then the other measures in their usual order.
        rank = {measure_id: index for index, measure_id in enumerate(current)}
        measures.sort(key=lambda m: (m.pk not in rank, rank.get(m.pk, 0)))
        self.measures = measures
        for measure in measures:
            self.fields[f"column-{measure.pk}"] = forms.BooleanField(
                label=measure.label, required=False, initial=measure.pk in rank
            )
            self.fields[f"position-{measure.pk}"] = forms.IntegerField(
                label=_("Position of %(measure)s") % {"measure": measure.label},
                required=False,
                min_value=1,
                max_value=999,
                initial=rank[measure.pk] + 1 if measure.pk in rank else None,
            )

    def column_rows(self):
        """``[(measure, box, position)]`` for the template's table of columns."""
        return [(m, self[f"column-{m.pk}"], self[f"position-{m.pk}"]) for m in self.measures]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Give the country's name."))
        if table_setup.name_taken(Country, name, exclude_pk=self.country.pk if self.country else None):
            raise forms.ValidationError(_("A table for “%(name)s” already exists.") % {"name": name})
        return name

    def clean(self):
        cleaned = super().clean()
        chosen = []
        for index, measure in enumerate(self.measures):
            if cleaned.get(f"column-{measure.pk}"):
                position = cleaned.get(f"position-{measure.pk}")
                # Without a position a column goes after the numbered ones, in the list's order.
                chosen.append((position is None, position or 0, index, measure.pk))
        cleaned["measure_ids"] = [measure_id for *_rank, measure_id in sorted(chosen)]
        if self.country is not None:
            removed = set(table_setup.column_ids(self.country)) - set(cleaned["measure_ids"])
            for measure_id, label, years in table_setup.columns_holding_values(self.country, removed):
                self.held_ids.add(measure_id)
                self.add_error(None, held_message(label, years))
        return cleaned


def held_message(label, years):
    return ngettext(
        "The column “%(label)s” holds values for %(years)s year: it cannot be removed.",
        "The column “%(label)s” holds values for %(years)s years: it cannot be removed.",
        years,
    ) % {"label": label, "years": years}


UNIT_SUGGESTIONS = ["kg", "g", "million tablets", "tablets", "pills", "litres", "cases", "persons"]


class MeasureForm(forms.ModelForm):
    """A new measure: a drug seized in a unit, or a count (cases, persons)."""

    class Meta:
        model = Measure
        fields = ["name", "unit", "kind", "display_order", "decimals"]
        help_texts = {
            "name": _("e.g. “Kratom”, “Precursors”, “Methamphetamine tablets”."),
            "display_order": _(
                "Where the measure comes in lists of measures (lower first); each table orders its own columns."
            ),
        }
        widgets = {"unit": forms.TextInput(attrs={"list": "unit-suggestions"})}

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Give the measure's name."))
        return name

    def clean_decimals(self):
        decimals = self.cleaned_data.get("decimals")
        if decimals is not None and decimals > MAX_DECIMALS:
            raise forms.ValidationError(_("At most %(n)s decimals.") % {"n": MAX_DECIMALS})
        return decimals

    def clean_unit(self):
        unit = self.cleaned_data["unit"].strip()
        if not unit:
            raise forms.ValidationError(_("Give the unit, e.g. kg, litres or cases."))
        return unit

    def clean(self):
        cleaned = super().clean()
        name, unit = cleaned.get("name"), cleaned.get("unit")
        if name and unit and table_setup.name_taken(Measure, name, unit=unit):
            self.add_error("name", _("“%(name)s (%(unit)s)” already exists.") % {"name": name, "unit": unit})
        return cleaned
