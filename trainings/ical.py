"""iCalendar (RFC 5545) for sessions, and the "add to calendar" link for Google Calendar.

Written by hand: an event is a dozen lines, not worth a dependency.
"""

from datetime import UTC
from urllib.parse import urlencode

PRODID = "-//Community digital technology teams//Trainings//VI"


def _escape(text):
    return str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line):
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, start = [], 0
    while start < len(encoded):
        end = min(start + (75 if not parts else 74), len(encoded))
        while end < len(encoded) and (encoded[end] & 0xC0) == 0x80:  # never split a character
            end -= 1
        parts.append(encoded[start:end].decode())
        start = end
    return "\r\n ".join(parts)


def _stamp(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(session, url, host):
    return [
        "BEGIN:VEVENT",
        f"UID:training-session-{session.pk}@{host}",
        f"DTSTAMP:{_stamp(session.updated_at)}",
        f"DTSTART:{_stamp(session.starts_at)}",
        f"DTEND:{_stamp(session.ends_at)}",
        f"SUMMARY:{_escape(session.course.title)}",
        f"LOCATION:{_escape(session.online_url or session.place_name)}",
        f"DESCRIPTION:{_escape(url)}",
        f"URL:{url}",
        "STATUS:CANCELLED" if session.status == session.Status.CANCELLED else "STATUS:CONFIRMED",
        "END:VEVENT",
    ]


def calendar(events, name):
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for event in events:
        lines += event
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def google_calendar_link(session, url):
    query = urlencode(
        {
            "action": "TEMPLATE",
            "text": session.course.title,
            "dates": f"{_stamp(session.starts_at)}/{_stamp(session.ends_at)}",
            "location": session.online_url or session.place_name,
            "details": url,
        }
    )
    return f"https://calendar.google.com/calendar/render?{query}"
