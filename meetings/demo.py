"""Demo meetings: the 2024 Technical Meeting and the High-Level Meeting of 8 November 2024.

The High-Level Meeting is copied from ``shared/seeds/hlm-2024-invitation-and-agenda.txt``:
organisers, time, venue, participants, co-chairs, purpose, agenda and the RSVP deadline.
The seed gives only the date of the Technical Meeting (25 October), so its times are the
High-Level Meeting's and its venue just "Vientiane"; it has no agenda. Both meetings are
past, so their RSVP is closed. Invitations go to the demo partners (people with an e-mail
of Japan, Australia, the US, the EU and Luxembourg); a few answers are filled in so the
dashboard has something to show. Loading twice changes nothing.

So that the demo can be tried on any day, the loader also creates the next cycle dated
from today (``next_cycle``): a Technical Meeting in a week and a High-Level Meeting in
three weeks, the latter built as the secretariat would build it, by copying the 2024
agenda with the portal's own ``agenda.copy_agenda``; both are sent to the demo partners
with the portal's own ``invitations.send_unsent``, so their RSVP is open. The printed
link is the Embassy of Japan's, on ``SITE_URL`` (which ``make run`` sets to its HOST and PORT).
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from idswg.bilingual import both_languages
from idswg.demo import fill_lao, say
from idswg.models import Organisation, Person

from . import agenda, invitations
from .demo_lao import HLM_AGENDA_LO, HLM_PARTICIPANTS_LO, HLM_TITLE_LO, HLM_VENUE_LO, TM_TITLE_LO, TM_VENUE_LO
from .models import AgendaItem, Attendee, Invitation, Meeting, MeetingCoChair, MeetingOrganiser, RsvpAnswer

HLM_TITLE = "High-Level Meeting of the Illicit Drug Sector Working Group and the Mini-Dublin Group 2024"
TM_TITLE = "Technical Meeting of the Illicit Drug Sector Working Group and the Mini-Dublin Working Group 2024"

HLM_PURPOSE = """\
On behalf of the Lao National Commission of Drugs Control and Supervision (LCDC), the Embassy of Japan, and the \
United Nations Office on Drugs and Crime (UNODC), we would like to invite you to attend this year's High-Level Meeting \
for the Illicit Drug Sector Working Group and the Mini-Dublin Group. The meeting will take place on Friday, \
November 8th, 2024, at Double Tree by Hilton Vientiane.

The Lao people's Democratic Republic (Lao PDR) continues to face significant challenges combatting illicit drugs due \
to its strategic location and porous border. The persistence of illicit drug production, trafficking and usage pose \
substantial threats to public health, social stability, and economic development of the nation. In response, the \
Government of Lao PDR has intensified its efforts through the implementation of the National Drug Control Master Plan \
2021-2025. This comprehensive five-year plan aims to address the pressing illicit drug issues in Lao PDR through a \
balanced and integrated approach. It focuses on strengthening law enforcement capabilities, improving prevention \
efforts, and international cooperation to disrupt drug trafficking networks.

As part of the Round Table Mechanism, the Illicit Drug Sector Working Group and the Mini-Dublin Working Group are \
intended to support coordination and responses to these developments. The Technical Meeting of the Illicit Drug \
Sector Working Group and the Mini-Dublin Working Group was held on October 25th. It opened the floor for the LCDC, \
UNODC, and development partners to share information on the current situation, work progress, and discuss key \
challenges. This upcoming high-level meeting aims to highlight the implementation progress of the National Drug \
Control Master Plan, identify emerging and existing challenges, and review the drafts of Illicit Drug Sector Working \
Group Report, and the Mini-Dublin report. The outcomes of this meeting will contribute to strategic priorities for \
the coming year and the conceptualization of the 10th National Social-Economic Development Plan, inform policy \
decisions, guide resource allocation in the fight against illicit drugs in Lao PDR."""

K = AgendaItem.Kind
HLM_AGENDA = [
    # (start, end, kind, title, sub-points)
    ("08:30", "09:00", K.REGISTRATION, "Arrival and registration", []),
    (
        "09:00",
        "09:15",
        K.SESSION,
        "Welcome and opening remarks by:",
        ["The Lao PDR Ministry of Public Security", "The Embassy of Japan", "UNODC"],
    ),
    ("09:15", "09:25", K.PHOTO, "Group Photo", []),
    (
        "09:25",
        "10:00",
        K.SESSION,
        "Presentation from LCDC regarding:",
        [
            "Updates (achievements and challenges) on the illicit drug sector in Lao PDR and the National Agenda on "
            "Drugs and Precursor Chemical Control",
            "Future direction of the National Agenda on Drug Control in 2025",
            "Priority areas for cooperation",
            "Question and answers",
        ],
    ),
    ("10:00", "10:15", K.BREAK, "Coffee & Refreshment Break", []),
    (
        "10:15",
        "10:30",
        K.SESSION,
        "Presentations from UNODC on topics related to:",
        ["Overview of the Drug Situation in LAO PDR & Mekong Region", "UNODC Interventions & Coordination"],
    ),
    (
        "10:30",
        "10:45",
        K.SESSION,
        "Sector Working Group Report (facilitated by UNODC)",
        [
            "Lessons learned from the SWG",
            "Illicit Drug Sector Working Group key priorities for 2025",
            "SWG’s Key priorities for the conceptualization of the 10th National Social Economic Development Plan "
            "(2026 - 2030)",
        ],
    ),
    ("10:45", "11:15", K.SESSION, "Open discussion: interventions from development partners", []),
    (
        "11:15",
        "11:30",
        K.SESSION,
        "Summary and closing remarks:",
        ["UNODC", "The Embassy of Japan", "Ministry of Public Security"],
    ),
    ("11:30", "12:30", K.MEAL, "Lunch", []),
]

ORGANISERS = ["LCDC", "Japan", "UNODC"]
COCHAIRS = ["Khamking Phouilamanivong", "Tsutomu KOIZUMI", "Masood Karimipour"]
PARTNERS = ["Japan", "Australia", "US", "EU", "Luxembourg"]
# Answers given to the High-Level Meeting invitation, so the dashboard has figures.
HLM_ANSWERS = {
    "Japan": (Invitation.State.ACCEPTED, 1),
    "Australia": (Invitation.State.REPRESENTATIVE, 1),
    "US": (Invitation.State.DECLINED, 0),
}


def _at(day, clock):
    return timezone.make_aware(datetime.combine(day, time.fromisoformat(clock)), timezone.get_current_timezone())


def _meeting(out, kind, title, day, deadline, **fields):
    meeting, created = Meeting.objects.get_or_create(
        kind=kind,
        starts_at=_at(day, "08:30"),
        defaults={
            "title": title,
            "ends_at": _at(day, "12:30"),
            "rsvp_deadline": _at(deadline, "23:59:59"),
            "state": Meeting.State.HELD,
            "max_attendees": 2,
            "contact_email": "secretariat@example.org",
            **fields,
        },
    )
    say(out, created, f"meeting {meeting.title} ({day:%d %B %Y})")
    if created:
        organisations = {o.short_name: o for o in Organisation.objects.filter(short_name__in=ORGANISERS)}
        for order, short in enumerate(ORGANISERS):
            MeetingOrganiser.objects.create(meeting=meeting, organisation=organisations[short], order=order)
    return meeting, created


def _invite(meeting, sent_on):
    for short in PARTNERS:
        organisation = Organisation.objects.get(short_name=short)
        for person in organisation.people.exclude(email=""):
            Invitation.objects.get_or_create(
                meeting=meeting,
                email=person.email,
                defaults={
                    "organisation": organisation,
                    "person": person,
                    "name": person.full_name,
                    "sent_at": _at(sent_on, "09:00"),
                },
            )


def _answer(meeting, answered_on):
    for short, (state, count) in HLM_ANSWERS.items():
        invitation = meeting.invitations.filter(organisation__short_name=short).first()
        if invitation is None or invitation.state != Invitation.State.PENDING:
            continue
        people = [invitation.person] if invitation.person and count else []
        attendees = [{"name": p.full_name, "position": p.position, "email": p.email} for p in people]
        for order, a in enumerate(attendees):
            Attendee.objects.create(invitation=invitation, order=order, **a)
        invitation.state, invitation.answered_at = state, _at(answered_on, "10:00")
        invitation.save(update_fields=["state", "answered_at"])
        RsvpAnswer.objects.create(
            invitation=invitation, state=state, attendees=attendees, created_at=invitation.answered_at
        )


# The next cycle, counted from the day the demo is loaded.
NEXT_TM_IN, NEXT_HLM_IN, RSVP_DAYS_BEFORE = timedelta(days=7), timedelta(days=21), timedelta(days=2)
NEXT_HLM_PURPOSE = """\
On behalf of the Lao National Commission of Drugs Control and Supervision (LCDC), the Embassy of Japan, and the \
United Nations Office on Drugs and Crime (UNODC), we would like to invite you to attend this year's High-Level Meeting \
for the Illicit Drug Sector Working Group and the Mini-Dublin Group. The meeting will take place on {day}, \
at Double Tree by Hilton Vientiane.

This high-level meeting aims to highlight the implementation progress of the National Drug Control Master Plan, \
identify emerging and existing challenges, and review the drafts of the Illicit Drug Sector Working Group Report and \
the Mini-Dublin report."""


def open_high_level_meeting(now=None):
    """The next cycle's High-Level Meeting if one is taking answers (the demo's "already loaded")."""
    now = now or timezone.now()
    upcoming = Meeting.objects.filter(kind=Meeting.Kind.HIGH_LEVEL, state=Meeting.State.INVITED, rsvp_deadline__gt=now)
    return upcoming.order_by("starts_at").first()


def _new_meeting(kind, title, day, source=None, **fields):
    meeting = Meeting.objects.create(
        kind=kind,
        title=title,
        starts_at=_at(day, "08:30"),
        ends_at=_at(day, "12:30"),
        rsvp_deadline=_at(day - RSVP_DAYS_BEFORE, "23:59:59"),
        max_attendees=2,
        contact_email="secretariat@example.org",
        **fields,
    )
    if source is not None:
        for link in source.organiser_links.all():
            MeetingOrganiser.objects.create(meeting=meeting, organisation=link.organisation, order=link.order)
        for cochair in source.cochairs.all():
            MeetingCoChair.objects.create(
                meeting=meeting, person=cochair.person, role=cochair.role, order=cochair.order
            )
    return meeting


def next_cycle(out, last_hlm, today=None):
    """The coming Technical and High-Level Meetings, invited and open, unless they already are."""
    today = today or timezone.localdate()
    existing = open_high_level_meeting()
    if existing is not None:
        out(f"  exists   next cycle: {existing.title} ({existing.local_start:%d %B %Y}, RSVP open)")
        return existing
    hlm_day, tm_day = today + NEXT_HLM_IN, today + NEXT_TM_IN
    technical = _new_meeting(
        Meeting.Kind.TECHNICAL,
        TM_TITLE.replace("2024", str(tm_day.year)),
        tm_day,
        source=last_hlm,
        title_lo=TM_TITLE_LO.replace("2024", str(tm_day.year)),
        venue="Vientiane",
        venue_lo=TM_VENUE_LO,
    )
    hlm = _new_meeting(
        Meeting.Kind.HIGH_LEVEL,
        HLM_TITLE.replace("2024", str(hlm_day.year)),
        hlm_day,
        source=last_hlm,
        title_lo=HLM_TITLE_LO.replace("2024", str(hlm_day.year)),
        **{field: getattr(last_hlm, field) for field in both_languages("venue", "participants")},
        purpose=NEXT_HLM_PURPOSE.format(day=f"{hlm_day:%A, %B} {hlm_day.day}, {hlm_day.year}"),
    )
    copied = agenda.copy_agenda(last_hlm, hlm)
    partners = Organisation.objects.filter(short_name__in=PARTNERS).prefetch_related("people")
    for meeting in (technical, hlm):
        invitations.invite(meeting, organisations=partners)
        sent = len(invitations.send_unsent(meeting))
        out(f"  created  {meeting.title} ({meeting.local_start:%d %B %Y}), {sent} invitations sent")
    out(f"  copied   {len(copied)} agenda items from {last_hlm.title}")
    return hlm


def rsvp_link_line(meeting):
    """The line that tells whoever starts the demo where to answer an invitation."""
    japan = meeting.invitations.filter(organisation__short_name="Japan").order_by("pk").first()
    if japan is None:
        return ""
    deadline = f"{meeting.local_deadline:%d %B %Y}"
    return f"  RSVP link (open until {deadline}) for {japan.name} (Embassy of Japan): {japan.link()}"


@transaction.atomic
def load(out, with_users=True):
    technical, _created = _meeting(
        out,
        Meeting.Kind.TECHNICAL,
        TM_TITLE,
        date(2024, 10, 25),
        date(2024, 10, 23),
        title_lo=TM_TITLE_LO,
        venue="Vientiane",
        venue_lo=TM_VENUE_LO,
    )
    fill_lao(technical, {"title": TM_TITLE_LO, "venue": TM_VENUE_LO})  # a demo loaded before names were bilingual
    _invite(technical, date(2024, 10, 10))
    hlm, created = _meeting(
        out,
        Meeting.Kind.HIGH_LEVEL,
        HLM_TITLE,
        date(2024, 11, 8),
        date(2024, 11, 6),
        title_lo=HLM_TITLE_LO,
        venue="Double Tree by Hilton Vientiane",
        venue_lo=HLM_VENUE_LO,
        participants="High level representatives",
        participants_lo=HLM_PARTICIPANTS_LO,
        purpose=HLM_PURPOSE,
    )
    fill_lao(hlm, {"title": HLM_TITLE_LO, "venue": HLM_VENUE_LO, "participants": HLM_PARTICIPANTS_LO})
    if created:
        for order, name in enumerate(COCHAIRS):
            MeetingCoChair.objects.create(meeting=hlm, person=Person.objects.get(name=name), order=order)
        for order, ((start, end, kind, title, points), (title_lo, points_lo)) in enumerate(
            zip(HLM_AGENDA, HLM_AGENDA_LO, strict=True), start=1
        ):
            AgendaItem.objects.create(
                meeting=hlm,
                order=order,
                start=time.fromisoformat(start),
                end=time.fromisoformat(end),
                kind=kind,
                title=title,
                title_lo=title_lo,
                points="\n".join(points),
                points_lo="\n".join(points_lo),
            )
    else:
        for item, (title_lo, points_lo) in zip(hlm.agenda_items.all(), HLM_AGENDA_LO, strict=False):
            fill_lao(item, {"title": title_lo, "points": "\n".join(points_lo)})
        out(f"  created  agenda of {len(HLM_AGENDA)} items and {len(COCHAIRS)} co-chairs")
    _invite(hlm, date(2024, 10, 28))
    _answer(hlm, date(2024, 11, 1))
    out(f"  invited  {hlm.invitations.count()} people of {', '.join(PARTNERS)}")
    japan = hlm.invitations.filter(organisation__short_name="Japan").first()
    if japan:
        out(f"  RSVP link of 2024 (closed) for {japan.name}: {settings.SITE_URL}{japan.get_absolute_url()}")
    next_cycle(out, hlm)


def summary(out):
    """Printed after every app's demo (and after the e-mails the console backend prints): where to start."""
    upcoming = open_high_level_meeting()
    if upcoming is not None:
        out(rsvp_link_line(upcoming))
