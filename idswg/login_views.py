"""Log-in pages the portal adds to Django's: a throttled password reset, and unlocking an account."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import throttle
from .forms import ReaderLanguagePasswordResetForm
from .models import User
from .roles import secretariat_required


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset form, refusing (429, nothing sent) past the limits of ``idswg.throttle``.

    The e-mail is written in the account's language (``ReaderLanguagePasswordResetForm``).
    """

    form_class = ReaderLanguagePasswordResetForm

    def form_valid(self, form):
        if throttle.password_reset_allowed(self.request, form.cleaned_data["email"]):
            return super().form_valid(form)
        form.add_error(
            None,
            _(
                "Too many password reset requests for this e-mail address or from your network. "
                "Nothing was sent; try again in %(minutes)s minutes."
            )
            % {"minutes": settings.PASSWORD_RESET_WINDOW_MINUTES},
        )
        response = self.form_invalid(form)
        response.status_code = 429
        return response


@secretariat_required
@require_POST
def account_unlock(request, pk):
    account = get_object_or_404(User, pk=pk)
    throttle.unlock(account.username)
    messages.success(request, _("Account “%(name)s” unlocked: it can log in again.") % {"name": account.username})
    return redirect("account_list")
