"""Forms of the directory and of account management."""

import secrets

from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import logos
from .bilingual import both_languages
from .models import Organisation, Person, User
from .roles import PARTNER, ROLE_LABELS, ROLES


class OrganisationForm(forms.ModelForm):
    """The directory entry of an organisation, with its logo: upload a new one or remove it.

    The logo is not a model field of the form: ``idswg.logos`` checks the upload and stores a
    re-encoded copy under a name of its own, and only once the rest of the form is valid.
    """

    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")
    new_logo = forms.FileField(
        label=_("Logo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".png,.jpg,.jpeg,image/png,image/jpeg"}),
        help_text=_("PNG or JPEG, at most 1 MB; printed on the invitations, briefings and reports it organises."),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    class Meta:
        model = Organisation
        fields = [*both_languages("name", "short_name"), "kind", "country", "website", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.logo:
            del self.fields["remove_logo"]

    def clean_new_logo(self):
        upload = self.cleaned_data.get("new_logo")
        if not upload:
            return None
        return logos.check_upload(upload)  # (re-encoded bytes, extension)

    def clean(self):
        data = super().clean()
        if data.get("new_logo") and data.get("remove_logo"):
            self.add_error("remove_logo", _("Either upload a new logo or remove the logo, not both."))
        # The database refuses a clash too (case-insensitive, per language); say so next to the field.
        for field in both_languages("name"):
            self._refuse_clash(data, field, _("An organisation with this name already exists."))
        for field in both_languages("short_name"):
            self._refuse_clash(data, field, _("Another organisation already uses this short name."))
        return data

    def _refuse_clash(self, data, field, message):
        value = " ".join((data.get(field) or "").split())
        if field in data:
            data[field] = value
        if value and Organisation.objects.filter(**{f"{field}__iexact": value}).exclude(pk=self.instance.pk).exists():
            self.add_error(field, message)

    @transaction.atomic
    def save(self, commit=True):
        organisation = super().save(commit=commit)
        if commit:
            if self.cleaned_data.get("new_logo"):
                logos.replace(organisation, *self.cleaned_data["new_logo"])
            elif self.cleaned_data.get("remove_logo"):
                logos.remove(organisation)
        return organisation


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [*both_languages("honorific", "name", "position"), "organisation", "email", "phone", "language"]

    def clean(self):
        data = super().clean()
        for field in both_languages("name"):
            if data.get(field):
                data[field] = " ".join(data[field].split())
        return data

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if email and Person.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another person in the directory has this e-mail address."))
        return email


class AccountForm(forms.ModelForm):
    """Create or change a login: who it is, its role, and for a partner its organisation."""

    role = forms.ChoiceField(label=_("Role"), choices=[("", "---------")] + [(r, ROLE_LABELS[r]) for r in ROLES])

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "role", "organisation", "language", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        if self.instance.pk:
            current = self.instance.groups.filter(name__in=ROLES).values_list("name", flat=True).first()
            self.initial.setdefault("role", current)

    # "Partner" next to "partner", or two logins on one address, would let one person pass for
    # another in lists and receive the other's password-reset e-mail: both are unique ignoring case.
    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another account has this user name (capitals aside)."))
        return username

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another account uses this e-mail address."))
        return email

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == PARTNER and not cleaned.get("organisation"):
            self.add_error("organisation", _("A development partner's account must belong to an organisation."))
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        user = super().save(commit=False)
        if not user.pk:
            # A random password nobody knows: the user sets their own through the e-mailed link.
            user.set_password(secrets.token_urlsafe(32))
        user.save()
        user.groups.remove(*Group.objects.filter(name__in=ROLES))
        group, _created = Group.objects.get_or_create(name=self.cleaned_data["role"])
        user.groups.add(group)
        return user


class ReaderLanguagePasswordResetForm(PasswordResetForm):
    """Django's reset form, writing each e-mail in its reader's language.

    The language is the one kept on the account (``User.language``); without one, the
    language active now: the page's, which for a reset is the browser of the one asking.
    """

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        language = context["user"].language or translation.get_language() or settings.LANGUAGE_CODE
        with translation.override(language):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)
