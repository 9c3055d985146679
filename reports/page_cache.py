"""The body of a report's page (header, narratives, matrix), rendered once per version and kept in the cache.

Reading a report for display costs six queries and rendering its matrix most of the page's
time (the 2019 report: about 15 ms; 300 rows: about 60 ms), while a report changes rarely
and is read often, most of all once final. So the body is cached under a key that changes
whenever what it shows may change:

- ``Report.content_stamp``, a new random value at every change of the report, its sections,
  rows, priority-area links, narratives or comments, of any plan or priority area (their
  names print in the badges), and of the name of a comment's author. ``Report.save`` sets it;
  the receivers below set it for the rest, in the same transaction as the change; the one
  matrix write that bypasses ``save`` (``editing.save_row``'s conditional UPDATE) calls ``touch``;
- what the reader may do (the flags of ``access.page_flags``, the secretariat's tools);
- the language and the time zone the page is written in (added by ``cached_html``).

The stamp is read with the report itself (the page reads that row anyway), so a hit costs one
cache read and no query. A new stamp is never an old one, so a stale body is never served and
nothing has to be deleted: bodies of old stamps expire.

The body carries forms (narrative moves, comment boxes): their CSRF tokens, the check of every
hit in the test suite and the body's lifetime are ``idswg.cached_html``'s.
"""

from django.conf import settings
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_save, pre_delete

from idswg.cached_html import LazyHtml, cached_html, new_stamp, renew_on_save_and_delete
from idswg.roles import is_secretariat

from .models import MatrixRow, MatrixSection, NarrativeSection, Plan, PriorityArea, Report, RowComment

TEMPLATE = "reports/_report_body.html"
FLAGS = ("editable", "can_edit", "can_comment", "can_download")


def report_body(request, report, flags, extra_context):
    """``report``'s page body for this reader (safe HTML when written): from the cache, or rendered and kept."""
    return LazyHtml(lambda: _body_html(request, report, flags, extra_context))


def _body_html(request, report, flags, extra_context):
    from .services import report_for_display

    rights = "".join("1" if flags[name] else "0" for name in FLAGS) + ("1" if is_secretariat(request.user) else "0")

    def context():
        return {**extra_context, **flags, "report": report, "display": report_for_display(report, with_comments=True)}

    key = ("reports:body", str(report.pk), report.content_stamp, report.state, rights)
    return cached_html(request, key, TEMPLATE, context)


def touch(*conditions, **filters):
    """Give the reports matching the filters (say ``pk=...`` or ``sections=...``) a new content stamp."""
    Report.objects.filter(*conditions, **filters).update(content_stamp=new_stamp())


def _links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A row's priority areas changed, from the row's side or (``reverse``) from an area's."""
    if not reverse:
        if action.startswith("post_"):
            touch(sections__rows=instance.pk)
    elif action == "pre_clear":  # the area's rows, while the links still say which
        touch(sections__rows__priority_areas=instance.pk)
    elif action in ("post_add", "post_remove"):
        touch(sections__rows__in=pk_set)


def _user_changed(sender, instance, update_fields=None, **kwargs):
    """A comment shows its author's and resolver's names (deleting the user empties them)."""
    if update_fields is not None and not {"first_name", "last_name", "username"} & set(update_fields):
        return  # a log-in saves last_login only
    touch(Q(sections__rows__comments__author=instance) | Q(sections__rows__comments__resolved_by=instance))


def connect():
    """Renew the stamps on every change of what a report's page shows (called by the app's ``ready``)."""
    renew_on_save_and_delete(
        touch,
        {
            MatrixSection: lambda section: {"pk": section.report_id},
            NarrativeSection: lambda narrative: {"pk": narrative.report_id},
            MatrixRow: lambda row: {"sections": row.section_id},
            RowComment: lambda comment: {"sections__rows": comment.row_id},
            # Rare (the secretariat keeps the Master Plans): every report, whichever shows the plan.
            Plan: lambda plan: {},
            PriorityArea: lambda area: {},
        },
        "page_cache",
    )
    m2m_changed.connect(_links_changed, sender=MatrixRow.priority_areas.through, dispatch_uid="page_cache.links")
    post_save.connect(_user_changed, sender=settings.AUTH_USER_MODEL, dispatch_uid="page_cache.user")
    pre_delete.connect(_user_changed, sender=settings.AUTH_USER_MODEL, dispatch_uid="page_cache.user.delete")
