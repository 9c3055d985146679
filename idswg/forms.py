"""Forms of the directory and of account management."""

import secrets

from django import forms
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Organisation, Person, User
from .roles import PARTNER, ROLE_LABELS, ROLES


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "short_name", "kind", "country", "website", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        clash = Organisation.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("An organisation with this name already exists."))
        return name

    def clean_short_name(self):
        short = self.cleaned_data["short_name"].strip()
        if short and Organisation.objects.filter(short_name__iexact=short).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another organisation already uses this short name."))
        return short


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["honorific", "name", "position", "organisation", "email", "phone", "language"]

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

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
