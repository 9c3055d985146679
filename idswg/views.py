"""Pages of the shared package: home, the directory of organisations and people, accounts."""

from django.contrib import messages
from django.db.models import Count, ProtectedError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import accounts, logos, throttle
from .context_processors import home_panels
from .forms import AccountForm, OrganisationForm, PersonForm
from .models import Organisation, Person, User
from .roles import ANY_ROLE, ROLE_LABELS, ROLES, member_required, role_required, roles_of, secretariat_required


def home(request):
    """The landing page: a public welcome, or the user's own overview once logged in."""
    if not request.user.is_authenticated:
        return render(request, "idswg/welcome.html")
    roles = roles_of(request.user)
    return render(
        request,
        "idswg/home.html",
        {
            "role_labels": [ROLE_LABELS[r] for r in ROLES if r in roles],
            "has_role": bool(roles),
            "panels": home_panels(request.user),
        },
    )


def edit_form(request, form_class, instance, template, title, success_message, cancel_url, initial=None):
    """Show ``form_class`` for ``instance`` (None: a new one) and save it when valid.

    Returns ``(saved_object, None)`` after a save, else ``(None, response)``.
    """
    form = form_class(request.POST or None, request.FILES or None, instance=instance, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, success_message.format(name=saved))
        return saved, None
    return None, render(request, template, {"form": form, "title": title, "cancel_url": cancel_url})


@secretariat_required
def organisation_list(request):
    organisations = Organisation.objects.annotate(people_count=Count("people")).order_by("kind", "name")
    return render(request, "idswg/organisation_list.html", {"organisations": organisations})


@secretariat_required
def organisation_detail(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    return render(
        request,
        "idswg/organisation_detail.html",
        {
            "organisation": organisation,
            "people": organisation.people.all(),
            "users": organisation.users.order_by("username"),
        },
    )


@secretariat_required
def organisation_edit(request, pk=None):
    instance = get_object_or_404(Organisation, pk=pk) if pk else None
    title = _("Edit organisation") if instance else _("New organisation")
    saved, response = edit_form(
        request,
        OrganisationForm,
        instance,
        "idswg/organisation_form.html",
        title,
        _("Organisation “{name}” saved."),
        cancel_url=instance.get_absolute_url() if instance else reverse("organisation_list"),
    )
    return redirect(saved) if saved else response


@member_required
def organisation_logo(request, pk):
    """The organisation's logo, to every member: the invitations and reports they read print it."""
    organisation = get_object_or_404(Organisation.objects.only("pk", "logo"), pk=pk)
    response = logos.serve(request, organisation)
    if response is None:
        raise Http404(_("This organisation has no logo."))
    return response


@secretariat_required
@require_POST
def organisation_delete(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    try:
        logos.delete_organisation(organisation)
    except ProtectedError:
        messages.error(request, _("This organisation still has people or accounts; move or remove them first."))
        return redirect(organisation)
    messages.success(request, _("Organisation “%(name)s” deleted.") % {"name": organisation})
    return redirect("organisation_list")


@secretariat_required
def person_list(request):
    people = Person.objects.select_related("organisation").order_by("organisation__name", "name")
    return render(request, "idswg/person_list.html", {"people": people})


@secretariat_required
def person_edit(request, pk=None):
    instance = get_object_or_404(Person, pk=pk) if pk else None
    initial = {"organisation": request.GET.get("organisation", "")[:12]} if instance is None else None
    title = _("Edit person") if instance else _("New person")
    saved, response = edit_form(
        request,
        PersonForm,
        instance,
        "idswg/form.html",
        title,
        _("“{name}” saved."),
        cancel_url=instance.organisation.get_absolute_url() if instance else reverse("person_list"),
        initial=initial,
    )
    return redirect(saved.organisation) if saved else response


@secretariat_required
def account_list(request):
    users = User.objects.select_related("organisation").prefetch_related("groups").order_by("username")
    return render(request, "idswg/account_list.html", {"users": users, "locked": throttle.locked_usernames()})


@secretariat_required
def account_edit(request, pk=None):
    instance = get_object_or_404(User, pk=pk) if pk else None
    title = _("Edit account") if instance else _("New account")
    saved, response = edit_form(
        request,
        AccountForm,
        instance,
        "idswg/form.html",
        title,
        _("Account “{name}” saved."),
        cancel_url=reverse("account_list"),
    )
    if saved is None:
        return response
    if instance is None:
        accounts.send_password_link(request, saved)
        messages.info(
            request, _("An e-mail with a link to choose a password was sent to %(email)s.") % {"email": saved.email}
        )
    return redirect("account_list")


@role_required(*ANY_ROLE)
def profile(request):
    return render(request, "idswg/profile.html")
