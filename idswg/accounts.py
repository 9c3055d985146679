"""Account set-up: the e-mail that lets a new user choose a password."""

from .forms import ReaderLanguagePasswordResetForm


def send_password_link(request, user):
    """E-mail ``user`` a link to choose a password, in their language, using Django's reset machinery."""
    form = ReaderLanguagePasswordResetForm({"email": user.email})
    if form.is_valid():
        form.save(
            request=request,
            use_https=request.is_secure(),
            subject_template_name="registration/account_created_subject.txt",
            email_template_name="registration/account_created_email.txt",
        )
