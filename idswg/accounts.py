"""Account set-up: role groups and the e-mail that lets a new user choose a password."""

from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import Group

from .roles import ROLES


def ensure_role_groups():
    """Create the three role groups if they are missing (idempotent)."""
    return [Group.objects.get_or_create(name=name)[0] for name in ROLES]


def send_password_link(request, user):
    """E-mail ``user`` a link to choose a password, using Django's reset machinery."""
    form = PasswordResetForm({"email": user.email})
    if form.is_valid():
        form.save(
            request=request,
            use_https=request.is_secure(),
            subject_template_name="registration/account_created_subject.txt",
            email_template_name="registration/account_created_email.txt",
        )
