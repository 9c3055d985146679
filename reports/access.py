"""Who may read, comment on and change a report: the one place the rule is written.

The rule (DESIGN's role table): the secretariat reads and edits every report. Partners and
co-chairs read a report in review (and comment on it) and a final one, in every form: the
page, the Word export and the PDF. A draft not yet in review is the secretariat's alone.
A report that is not final is marked as a draft wherever it appears (lists, page, Word,
PDF). A final report is read-only for everyone, the secretariat included.

Views call ``readable_report``/``visible_reports``, the document classes ``can_read``,
templates get ``page_flags`` (or the ``report_state`` filter of ``reports_tags``), the
Word export and the PDFs ``draft_notice``.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from idswg.roles import ANY_ROLE, has_role, is_secretariat

from .models import Report

S = Report.State
READER_STATES = (S.REVIEW, S.FINAL)  # what partners and co-chairs read


class ReportReadOnly(PermissionDenied):
    """Raised by every change to a final report (and its sections, rows and comments)."""


def visible_reports(user):
    """The reports ``user`` may read: all of them for the secretariat, for other members those in review and final."""
    reports = Report.objects.all()
    if is_secretariat(user):
        return reports
    if has_role(user, *ANY_ROLE):
        return reports.filter(state__in=READER_STATES)
    return reports.none()


def can_read(user, report):
    """True if ``user`` may read ``report``, whatever the form (page, Word, PDF)."""
    if is_secretariat(user):
        return True
    return has_role(user, *ANY_ROLE) and report.state in READER_STATES


def readable_report(user, pk):
    """The report ``pk`` if ``user`` may read it, else 404 (a draft is not shown to exist)."""
    report = visible_reports(user).filter(pk=pk).first()
    if report is None:
        raise Http404(_("No such report."))
    return report


def can_comment(user, report):
    """Members comment on the rows of a report while it is in review, and only then."""
    return report.state == S.REVIEW and has_role(user, *ANY_ROLE)


def ensure_editable(report):
    """Refuse any change to a final report, whoever asks and however the request was made."""
    if report.state == S.FINAL:
        raise ReportReadOnly(_("This report is final and can no longer be changed."))


def can_edit(user, report):
    """The secretariat changes a report until it is final."""
    return is_secretariat(user) and report.state != S.FINAL


def marked_as_draft(report):
    """A report not final (a draft, or in review) is marked as a draft wherever it appears."""
    return report.state != S.FINAL


def state_label(report):
    """The report's state as lists and pages show it: a report in review reads as a draft in review."""
    if report.state == S.REVIEW:
        return _("Draft in review")
    return report.get_state_display()


def draft_notice(report):
    """The mark printed on a report not final (Word and PDF), or "" for a final report."""
    if report.state == S.REVIEW:
        return _("DRAFT, in review: this report is not final and may still change.")
    if report.state == S.DRAFT:
        return _("DRAFT, not yet in review: this report is not final and may still change.")
    return ""


def page_flags(user, report):
    """What the report's page offers ``user``: template variables, so templates do not restate the rule.

    ``editable``: the report is not final (rows show their actions column: comments, or the
    secretariat's editing); ``can_edit``: the secretariat may change it; ``can_comment``;
    ``can_download``: the Word and PDF forms (the same readers as the page); ``draft_notice``.
    """
    return {
        "editable": report.state != S.FINAL,
        "can_edit": can_edit(user, report),
        "can_comment": can_comment(user, report),
        "can_download": can_read(user, report),
        "draft_notice": draft_notice(report),
    }
