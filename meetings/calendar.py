"""The meeting as an iCalendar file (RFC 5545) for invitees' calendars.

One VEVENT per meeting with a UID that never changes, so a second invitation or a
reminder updates the event in the calendar instead of adding another; SEQUENCE grows
when the secretariat moves the meeting. Times carry the Asia/Vientiane VTIMEZONE.
A cancelled meeting's file says ``METHOD:CANCEL`` and ``STATUS:CANCELLED`` (RFC 5546), so
calendars that hold the event remove it.
"""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

MIMETYPE = "text/calendar"


def uid(meeting):
    return f"meeting-{meeting.uid}@idswg"


def filename(meeting):
    return f"idswg-meeting-{meeting.local_start:%Y-%m-%d}.ics"


def _organiser_email(meeting):
    from email.utils import parseaddr

    return parseaddr(meeting.secretariat_email())[1] or "idswg@localhost"


def build(meeting, url=""):
    """The .ics bytes for ``meeting``; ``url`` links back to its page or the invitee's link."""
    zone = ZoneInfo(settings.TIME_ZONE)
    from icalendar import Calendar, Event, vCalAddress, vText  # 0.15 s: paid by the first calendar file only

    calendar = Calendar()
    calendar.add("prodid", "-//IDSWG Secretariat//Portal//EN")
    calendar.add("version", "2.0")
    cancelled = meeting.state == meeting.State.CANCELLED
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = Event()
    event.add("uid", uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at.astimezone(zone))
    event.add("dtend", meeting.ends_at.astimezone(zone))
    event.add("summary", meeting.title)
    event.add("location", meeting.venue)
    description = [meeting.purpose.strip()] if meeting.purpose.strip() else []
    agenda = [f"{item.start:%H:%M}-{item.end:%H:%M} {item.title}" for item in meeting.agenda_items.all()]
    if agenda:
        description.append("\n".join(agenda))
    if url:
        description.append(url)
        event.add("url", url)
    event.add("description", "\n\n".join(description))
    organiser = vCalAddress(f"mailto:{_organiser_email(meeting)}")
    names = [link.organisation.label for link in meeting.organiser_links.select_related("organisation")]
    organiser.params["cn"] = vText(", ".join(names) or "IDSWG")
    event.add("organizer", organiser)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar.add_component(event)
    start = meeting.local_start.date()
    calendar.add_missing_timezones(first_date=start - timedelta(days=366), last_date=start + timedelta(days=366))
    return calendar.to_ical()


def attachment(meeting, url=""):
    """The (name, bytes, mimetype) triple ``idswg.mail.queue`` takes."""
    return (filename(meeting), build(meeting, url), MIMETYPE)
