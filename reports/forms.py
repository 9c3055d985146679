"""Forms of the reports app. Rich-text fields are Trix editors bound to a hidden input, sanitised on clean."""

from django import forms
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from dublin.models import CountryReport
from idswg.bilingual import both_languages
from idswg.rich_text import RichTextField, TrixWidget
from seizures.models import Country

from .layouts import RICH_COLUMNS, columns
from .models import HEADER_TEXT_FIELDS, NarrativeSection, Plan, PriorityArea, Report


class ReportForm(forms.ModelForm):
    """A report's year, title, kind, layout and header; a taken or implausible year is refused next to the field."""

    class Meta:
        model = Report
        fields = ["year", "title", "kind", "layout", *HEADER_TEXT_FIELDS, "cover_organisations"]
        widgets = {
            **{name: forms.Textarea(attrs={"rows": 2}) for name in HEADER_TEXT_FIELDS if name != "swg_name"},
            "cover_organisations": forms.CheckboxSelectMultiple,
        }

    # A header field is a few names or a paragraph; a megabyte pasted into one would tie up
    # the PDF renderer for minutes, so it is refused like an over-long matrix cell.
    HEADER_MAX_CHARS = 10_000

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.max_length = self.HEADER_MAX_CHARS
                field.validators.append(MaxLengthValidator(self.HEADER_MAX_CHARS))
                field.widget.attrs["maxlength"] = self.HEADER_MAX_CHARS
        self.fields["year"].widget.attrs.update(min=1990, max=2100)
        self.fields["year"].validators += [MinValueValidator(1990), MaxValueValidator(2100)]

    def clean(self):
        data = super().clean()
        year, kind = data.get("year"), data.get("kind")
        if year and kind and Report.objects.filter(kind=kind, year=year).exclude(pk=self.instance.pk).exists():
            self.add_error("year", _("There is already a report of this kind for %(year)s.") % {"year": year})
        return data


class RowForm(forms.Form):
    """The cells of one row in the report's layout, the version the editor started from, and its priority areas."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    priority_areas = forms.ModelMultipleChoiceField(
        PriorityArea.objects.select_related("plan"),
        required=False,
        label=_("Priority areas"),
        widget=forms.SelectMultiple(attrs={"size": 6, "class": "form-select form-select-sm"}),
    )

    def __init__(self, *args, layout, row=None, **kwargs):
        if row is not None and not kwargs.get("initial"):
            kwargs["initial"] = {name: getattr(row, name) for name in (*RICH_COLUMNS, "indicator", "version")}
            kwargs["initial"]["priority_areas"] = [p.pk for p in row.priority_areas.all()]
        # Several rows may be open at once: ids must not clash (Trix finds its input by id).
        kwargs.setdefault("auto_id", f"row-{row.pk if row is not None else 'new'}-%s")
        super().__init__(*args, **kwargs)
        self.layout_columns = columns(layout)
        for column in self.layout_columns:
            if column.rich:
                self.fields[column.name] = RichTextField(label=column.label, widget=TrixWidget(label=column.label))
            else:
                self.fields[column.name] = forms.CharField(
                    label=column.label,
                    required=False,
                    max_length=300,
                    widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
                )
        self.fields["priority_areas"].label_from_instance = lambda p: f"{p.plan.name}: {p}"

    def column_fields(self):
        """The bound fields of the layout's columns, in display order."""
        return [self[c.name] for c in self.layout_columns]

    def cells(self):
        return {c.name: self.cleaned_data.get(c.name, "") for c in self.layout_columns}


class NarrativeForm(forms.ModelForm):
    body = RichTextField(label=_("Text"))

    class Meta:
        model = NarrativeSection
        fields = ["kind", "title", "body", "plan"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].widget.attrs["id"] = "narrative-body"


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
        error_messages={"required": _("Write a comment first.")},
    )


class CarryForwardForm(forms.Form):
    """Which columns next year's rows keep; the others start empty."""

    title = forms.CharField(label=_("Title of the new report"), max_length=300)
    keep = forms.MultipleChoiceField(
        label=_("Keep the text of these columns"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].choices = [(c.name, c.label) for c in columns(report.layout)]
        self.fields["title"].initial = report.title.replace(str(report.year), str(report.year + 1))
        self.fields["keep"].initial = ["outputs", "indicator"]


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = [*both_languages("name"), "kind", "start_year", "end_year", "introduction"]
        widgets = {"introduction": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        if data.get("start_year") and data.get("end_year") and data["end_year"] < data["start_year"]:
            self.add_error("end_year", _("The last year cannot come before the first."))
        return data


PriorityAreaFormSet = inlineformset_factory(
    Plan,
    PriorityArea,
    fields=["number", *both_languages("title"), "bullets"],
    extra=2,
    can_delete=True,
    widgets={"bullets": forms.Textarea(attrs={"rows": 2})},
)


class DocxUploadForm(forms.Form):
    year = forms.IntegerField(label=_("Year of the report"), min_value=1990, max_value=2100)
    title = forms.CharField(label=_("Title"), max_length=300)
    layout = forms.ChoiceField(label=_("Matrix layout"), choices=Report._meta.get_field("layout").choices)
    file = forms.FileField(label=_("Word document (.docx)"))

    def clean(self):
        data = super().clean()
        if data.get("year") and Report.objects.filter(kind=Report.Kind.ANNUAL, year=data["year"]).exists():
            self.add_error("year", _("There is already a report for this year."))
        return data


class BriefingForm(forms.Form):
    """What goes into a meeting's briefing (``reports.briefing``): the invitation, a report, seizure tables."""

    include_invitation = forms.BooleanField(label=_("Invitation and agenda"), required=False)
    report = forms.ModelChoiceField(
        label=_("Report"),
        queryset=Report.objects.order_by("-year", "kind"),
        required=False,
        empty_label=_("(no report)"),
    )
    country_report = forms.ModelChoiceField(
        label=_("Mini-Dublin Group country report"),
        queryset=CountryReport.objects.select_related("country").order_by("-year", "country__display_order"),
        required=False,
        empty_label=_("(no country report)"),
    )
    countries = forms.ModelMultipleChoiceField(
        label=_("Seizure tables"),
        queryset=Country.objects.order_by("display_order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
