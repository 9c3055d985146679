"""Forms of the meetings app. Times are entered as Vientiane wall-clock times."""

from datetime import datetime, time

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from idswg.bilingual import both_languages
from idswg.models import Organisation, Person

from . import materials
from .models import ActionPoint, AgendaItem, Invitation, Material, Meeting, MeetingCoChair, MeetingOrganiser

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


# The portal plans real meetings: a year outside this window is a typing slip, and one near
# the ends of the calendar overflows when times are converted for the .ics and the reminders.
FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_REMINDER_DAYS = 90
# The invitation's text and an item's sub-points are paragraphs; a megabyte pasted into one
# would keep the PDF renderer busy for minutes, so it is refused next to the field.
MAX_PURPOSE_CHARS = 10_000
MAX_POINTS_CHARS = 5_000


def _cap_length(field, limit):
    field.max_length = limit
    field.validators.append(MaxLengthValidator(limit))
    field.widget.attrs["maxlength"] = limit


def _aware(day, moment):
    return timezone.make_aware(datetime.combine(day, moment), timezone.get_current_timezone())


def _plausible_day(day):
    if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError(
            _("Give a date between the years %(first)s and %(last)s."),
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )
    return day


class MeetingForm(forms.ModelForm):
    date = forms.DateField(label=_("Date"), widget=DATE)
    start_time = forms.TimeField(label=_("Start time"), widget=TIME, help_text=_("Vientiane time."))
    end_time = forms.TimeField(label=_("End time"), widget=TIME)
    rsvp_by = forms.DateField(
        label=_("RSVP by"), widget=DATE, help_text=_("Answers are taken until the end of this day (Vientiane time).")
    )
    notify_invitees = forms.BooleanField(
        label=_("Tell the invitees what changed"),
        required=False,
        initial=True,
        help_text=_(
            "When the date, time, venue or title changes, everyone invited gets an e-mail with the new calendar file."
        ),
    )

    class Meta:
        model = Meeting
        fields = [
            "kind",
            *both_languages("title", "venue", "participants", "purpose"),
            "max_attendees",
            "reminder_days",
            "contact_email",
            "state",
        ]
        widgets = {field: forms.Textarea(attrs={"rows": 6}) for field in both_languages("purpose")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The database refuses fewer than one attendee; say so next to the field, not as a constraint's name.
        places = self.fields["max_attendees"]
        places.min_value = 1
        places.validators.append(MinValueValidator(1))
        places.widget.attrs["min"] = 1
        for field in both_languages("purpose"):
            _cap_length(self.fields[field], MAX_PURPOSE_CHARS)
        reminder = self.fields["reminder_days"]
        reminder.max_value = MAX_REMINDER_DAYS
        reminder.validators.append(MaxValueValidator(MAX_REMINDER_DAYS))
        reminder.widget.attrs["max"] = MAX_REMINDER_DAYS
        meeting = self.instance
        # Cancelling is its own action (it tells the invitees), never a state picked here.
        state = self.fields["state"]
        state.choices = [c for c in state.choices if c[0] != Meeting.State.CANCELLED or meeting.state == c[0]]
        if meeting.pk:
            self.initial.update(
                date=meeting.local_start.date(),
                start_time=meeting.local_start.time(),
                end_time=meeting.local_end.time(),
                rsvp_by=meeting.local_deadline.date(),
            )

    def clean_date(self):
        return _plausible_day(self.cleaned_data.get("date"))

    def clean_rsvp_by(self):
        return _plausible_day(self.cleaned_data.get("rsvp_by"))

    def clean(self):
        data = super().clean()
        day, start, end, rsvp_by = (data.get(k) for k in ("date", "start_time", "end_time", "rsvp_by"))
        if day and start and end:
            if end <= start:
                self.add_error("end_time", _("The meeting must end after it starts."))
            else:
                self.instance.starts_at, self.instance.ends_at = _aware(day, start), _aware(day, end)
        if day and start and rsvp_by:
            deadline = _aware(rsvp_by, time(23, 59, 59))
            if deadline > _aware(day, start):
                self.add_error("rsvp_by", _("The RSVP deadline must fall before the day of the meeting."))
            else:
                self.instance.rsvp_deadline = deadline
        return data

    def save(self, commit=True):
        moved = {"date", "start_time", "end_time", *both_languages("venue", "title")} & set(self.changed_data)
        if self.instance.pk and moved:
            self.instance.sequence += 1  # calendars replace the event they already have
        return super().save(commit)


OrganiserFormSet = inlineformset_factory(
    Meeting, MeetingOrganiser, fields=["organisation", "order"], extra=2, can_delete=True
)
CoChairFormSet = inlineformset_factory(
    Meeting, MeetingCoChair, fields=["person", "role", "order"], extra=2, can_delete=True
)


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["start", "end", "kind", *both_languages("title", "points"), "presenters"]
        fields += both_languages("presenters_text")
        widgets = {
            "start": TIME,
            "end": TIME,
            **{field: forms.Textarea(attrs={"rows": 3}) for field in both_languages("points")},
            "presenters": forms.SelectMultiple(attrs={"size": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in both_languages("points"):
            _cap_length(self.fields[field], MAX_POINTS_CHARS)
        self.fields["presenters"].queryset = Person.objects.select_related("organisation").order_by("name")
        self.fields["presenters"].label_from_instance = lambda p: f"{p.full_name} ({p.organisation.label})"

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            self.add_error("end", _("An item must end after it starts."))
        return data


class InviteForm(forms.Form):
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Everyone of these organisations with an e-mail in the directory is invited."),
    )
    people = forms.ModelMultipleChoiceField(
        label=_("People from the directory"),
        queryset=Person.objects.exclude(email="").select_related("organisation").order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    name = forms.CharField(label=_("Someone else: name"), required=False, max_length=300)
    email = forms.EmailField(label=_("Someone else: e-mail"), required=False, max_length=254)
    organisation = forms.ModelChoiceField(
        label=_("Someone else: organisation"), queryset=Organisation.objects.order_by("name"), required=False
    )
    send_now = forms.BooleanField(label=_("Send the invitations now"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].label_from_instance = lambda p: f"{p.full_name} ({p.organisation.label}) <{p.email}>"

    def clean(self):
        data = super().clean()
        if data.get("email") and not data.get("name"):
            self.add_error("name", _("Give the name of the person to invite."))
        if data.get("name") and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Give the e-mail address the invitation goes to."))
        if not (data.get("organisations") or data.get("people") or data.get("email")) and not self.errors:
            raise ValidationError(_("Choose organisations or people to invite, or give an e-mail address."))
        return data

    def extra(self):
        data = self.cleaned_data
        return [(data["name"], data["email"], data.get("organisation"))] if data.get("email") else []


class RsvpForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Your answer"),
        choices=[
            (Invitation.State.ACCEPTED, _("I will attend")),
            (Invitation.State.REPRESENTATIVE, _("I am sending a representative")),
            (Invitation.State.DECLINED, _("We will not attend")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Access or dietary needs"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class AttendeeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    position = forms.CharField(label=_("Position"), max_length=300, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False, max_length=254)

    def clean(self):
        data = super().clean()
        if (data.get("position") or data.get("email")) and not data.get("name"):
            self.add_error("name", _("Give this attendee's name."))
        if data.get("name") and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Give this attendee's e-mail address."))
        return data


class BaseAttendeeFormSet(forms.BaseFormSet):
    def clean(self):
        seen = set()
        for form in self.forms:
            email = (form.cleaned_data.get("email") or "").lower() if hasattr(form, "cleaned_data") else ""
            if email and email in seen:
                form.add_error("email", _("This person is already in the list."))
            seen.add(email)

    def attendees(self):
        return [
            {k: form.cleaned_data.get(k, "") for k in ("name", "position", "email")}
            for form in self.forms
            if form.cleaned_data.get("name")
        ]


def attendee_formset(rows, data=None, initial=None):
    AttendeeFormSet = forms.formset_factory(
        AttendeeForm, formset=BaseAttendeeFormSet, extra=max(rows - len(initial or []), 0), max_num=rows
    )
    return AttendeeFormSet(data, initial=initial, prefix="attendee")


class MinutesForm(forms.Form):
    """The summary and, per session of the agenda, what was discussed and decided."""

    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, records=(), **kwargs):
        super().__init__(*args, **kwargs)
        _cap_length(self.fields["summary"], MAX_PURPOSE_CHARS)
        self.rows = []
        for item, record in records:
            names = (f"item-{item.pk}-discussion", f"item-{item.pk}-decisions")
            values = (record.discussion, record.decisions) if record else ("", "")
            for name, label, value in zip(names, (_("Discussion"), _("Decisions")), values, strict=True):
                self.fields[name] = forms.CharField(
                    label=label, required=False, initial=value, widget=forms.Textarea(attrs={"rows": 3})
                )
                _cap_length(self.fields[name], MAX_PURPOSE_CHARS)
            self.rows.append((item, self[names[0]], self[names[1]]))

    def texts(self):
        """``{agenda_item_pk: (discussion, decisions)}`` from the cleaned data."""
        return {
            item.pk: (
                self.cleaned_data[f"item-{item.pk}-discussion"].strip(),
                self.cleaned_data[f"item-{item.pk}-decisions"].strip(),
            )
            for item, _discussion, _decisions in self.rows
        }


class ActionPointForm(forms.ModelForm):
    class Meta:
        model = ActionPoint
        fields = ["text", "owner", "due_on", "agenda_item"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "due_on": DATE}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        _cap_length(self.fields["text"], 2000)
        self.fields["agenda_item"].queryset = meeting.agenda_items.filter(kind=AgendaItem.Kind.SESSION)
        self.fields["owner"].queryset = Organisation.objects.order_by("name")

    def clean_due_on(self):
        return _plausible_day(self.cleaned_data.get("due_on"))


class ActionPointStatusForm(forms.ModelForm):
    class Meta:
        model = ActionPoint
        fields = ["status", "status_note"]
        widgets = {"status_note": forms.TextInput()}


class _MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, required=False, help_text=_("Empty: the file's name."))
    audience = forms.ChoiceField(label=_("Who may see it"), choices=Material.Audience.choices)
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item"), queryset=AgendaItem.objects.none(), required=False, empty_label=_("The whole meeting")
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.all()


class MaterialFileForm(_MaterialForm):
    file = forms.FileField(label=_("File"))
    field_order = ["file", "title", "audience", "agenda_item"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        materials.check_upload(upload)
        return upload


class MaterialDocumentForm(_MaterialForm):
    document = forms.ChoiceField(label=_("Portal document"))
    field_order = ["document", "title", "audience", "agenda_item"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].help_text = _("Empty: the document's title.")
        self.fields["document"].choices = [("", "—")] + materials.document_choices()
