"""The secretariat's outbox: every e-mail the portal queued, sent or gave up on, with a resend.

A message that failed after all its attempts stays here with its error until someone
sends it again; a queued one shows when it is tried next (see ``idswg.mail``).
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import mail, outbox
from .models import SentMessage
from .roles import secretariat_required

PAGE_SIZE = 50


@secretariat_required
def outbox_list(request):
    state = request.GET.get("state", "")
    if state not in SentMessage.State.values:
        state = ""
    counts = SentMessage.objects.aggregate(
        all=Count("pk"), **{value: Count("pk", filter=Q(state=value)) for value in SentMessage.State.values}
    )
    listed = SentMessage.objects.filter(state=state) if state else SentMessage.objects.all()
    page = Paginator(listed.defer("body", "html", "attachments"), PAGE_SIZE).get_page(request.GET.get("page"))
    tabs = [("", _("All"), counts["all"])] + [
        (value, label, counts[value]) for value, label in SentMessage.State.choices
    ]
    return render(request, "idswg/outbox.html", {"page": page, "state": state, "tabs": tabs})


@secretariat_required
@require_POST
def outbox_resend(request, pk):
    message = get_object_or_404(SentMessage, pk=pk)
    queued = mail.send_again(message.pk)
    if queued is None:
        messages.info(request, _("This e-mail to %(to)s is not failed; nothing was sent again.") % {"to": message.to})
    elif outbox.any_waiting([queued]):
        messages.warning(
            request,
            _("Saved; the e-mail to %(to)s will go out as soon as the mail service is back.") % {"to": message.to},
        )
    else:
        messages.success(request, _("The e-mail to %(to)s is on its way again.") % {"to": message.to})
    return redirect(reverse("outbox") + "?state=failed")
