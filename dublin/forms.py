"""Forms of the Mini-Dublin Group app. Rich text is a Trix editor, sanitised on clean (``idswg.rich_text``)."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from idswg.models import Organisation
from idswg.rich_text import RichTextField, TrixWidget
from seizures.models import Country

from .models import CountryReport, EmbeddedTable, FollowUp, RegionalReport, Section

YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]


class VersionedForm(forms.Form):
    """The version the editor started from: a save naming an older one is refused (409)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class NewReportForm(forms.Form):
    country = forms.ModelChoiceField(Country.objects.order_by("display_order", "name"), label=_("Country"))
    year = forms.IntegerField(label=_("Year"), validators=YEAR_VALIDATORS)
    heading = forms.CharField(label=_("Heading"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        country, year = data.get("country"), data.get("year")
        if country and year and CountryReport.objects.filter(country=country, year=year).exists():
            self.add_error(
                "year", _("There is already a report for %(country)s in %(year)s.") % {"country": country, "year": year}
            )
        return data


class SectionForm(VersionedForm):
    number = forms.CharField(label=_("Number"), max_length=20, required=False)
    title = forms.CharField(label=_("Title"), max_length=300)
    body = RichTextField(label=_("Text"), widget=TrixWidget(label=_("Text")))
    footnotes = forms.CharField(
        label=_("Footnotes"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line, starting with its number (¹, ², …)."),
    )


class AddSectionForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=20, required=False)
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=Section.Kind.choices, initial=Section.Kind.TEXT)
    parent = forms.ModelChoiceField(
        Section.objects.none(), label=_("Part of"), required=False, empty_label=_("(top level)")
    )

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = report.sections.order_by("position", "pk")


class UpdateForm(VersionedForm):
    heading = forms.CharField(label=_("Heading"), max_length=200)
    body = RichTextField(label=_("Your organisation's update"), widget=TrixWidget(label=_("Update")))
    footnotes = forms.CharField(
        label=_("Footnotes"), required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, secretariat=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not secretariat:  # the heading is the organisation's name as the report prints it
            del self.fields["heading"]


class RequestForm(forms.Form):
    organisations = forms.ModelMultipleChoiceField(
        Organisation.objects.exclude(kind=Organisation.Kind.GOVERNMENT).order_by("name"),
        label=_("Ask these organisations"),
        widget=forms.CheckboxSelectMultiple,
    )
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}))
    section = forms.ModelChoiceField(Section.objects.none(), label=_("Their updates go in"))

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = report.sections.filter(kind=Section.Kind.UPDATES)
        first = self.fields["section"].queryset.first()
        if first:
            self.fields["section"].initial = first.pk

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline cannot be in the past."))
        return deadline


class RecommendationForm(VersionedForm):
    text = RichTextField(label=_("Recommendation"), widget=TrixWidget(label=_("Recommendation")), required=True)


class NewRecommendationForm(forms.Form):
    text = forms.CharField(label=_("New recommendation"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 2}))


class FollowUpForm(VersionedForm):
    status = forms.ChoiceField(label=_("Status"), choices=FollowUp.Status.choices)
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=10_000, widget=forms.Textarea(attrs={"rows": 2})
    )


class TableForm(forms.Form):
    country = forms.ModelChoiceField(Country.objects.order_by("display_order", "name"), label=_("Country"))
    kind = forms.ChoiceField(label=_("Table"), choices=EmbeddedTable.Kind.choices)
    first_year = forms.IntegerField(label=_("From"), validators=YEAR_VALIDATORS)
    last_year = forms.IntegerField(label=_("To"), validators=YEAR_VALIDATORS)
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        if data.get("first_year") and data.get("last_year") and data["last_year"] < data["first_year"]:
            self.add_error("last_year", _("The last year comes before the first."))
        return data


class RegionalForm(forms.ModelForm):
    class Meta:
        model = RegionalReport
        fields = [
            "year",
            "reference",
            "issuer",
            "place_and_date",
            "classification",
            "sender",
            "recipients",
            "previous_reference",
            "subject",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        year = self.instance.year if self.instance.pk else None
        self.choices = list(CountryReport.objects.filter(year=year).select_related("country")) if year else []
        positions = {e.report_id: e.position for e in self.instance.entries.all()} if self.instance.pk else {}
        for report in self.choices:
            self.fields[f"position_{report.pk}"] = forms.IntegerField(
                label=_("Place of %(country)s (empty: left out)") % {"country": report.country},
                required=False,
                min_value=1,
                max_value=50,
                initial=positions.get(report.pk),
            )

    def chosen(self):
        """The country reports to bind in, in the order of their places."""
        picked = [(self.cleaned_data.get(f"position_{r.pk}"), r) for r in self.choices]
        return [r for position, r in sorted((pair for pair in picked if pair[0]), key=lambda pair: pair[0])]
