"""Plans and their numbered priority areas: every member reads them, the secretariat keeps them."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from idswg.roles import member_required, secretariat_required

from ..forms import PlanForm, PriorityAreaFormSet
from ..models import Plan, PriorityArea


@member_required
def plan_list(request):
    plans = Plan.objects.prefetch_related(Prefetch("priority_areas", queryset=PriorityArea.objects.order_by("number")))
    return render(request, "reports/plan_list.html", {"plans": plans})


@member_required
def plan_detail(request, pk):
    plan = get_object_or_404(Plan, pk=pk)
    return render(request, "reports/plan_detail.html", {"plan": plan, "areas": plan.priority_areas.order_by("number")})


@secretariat_required
def plan_edit(request, pk=None):
    plan = get_object_or_404(Plan, pk=pk) if pk else None
    form = PlanForm(request.POST or None, instance=plan)
    formset = PriorityAreaFormSet(request.POST or None, instance=plan or Plan(), prefix="areas")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        with transaction.atomic():
            plan = form.save()
            formset.instance = plan
            formset.save()
        messages.success(request, _("Plan “%(name)s” saved.") % {"name": plan.name})
        return redirect(plan)
    title = _("Edit the plan") if plan else _("New plan")
    return render(request, "reports/plan_form.html", {"form": form, "formset": formset, "title": title, "plan": plan})
