"""What the title lines above a roster's table say about the team: its founding decision.

A commune's roster is headed by the decision that founded its teams ("Kèm theo Quyết định số
45/QĐ-UBND ngày 15/03/2022 của UBND xã …"), the same number and date the team record asks for.
The text is matched unaccented (fold) so that "Quyet dinh so", capitals and a converted TCVN3
line all read alike; the number itself is taken from the line as written ("45/QĐ-UBND").
"""

import re
from datetime import date

from django.utils import timezone

from rosters.cells import cell_text
from vietnamese.text import fold, normalize

_DECISION = re.compile(
    r"quyet dinh so\s*:?\s*(?P<number>\d+\s*/\s*[\w\-]+(?:/[\w\-]+)*)\s*,?\s*ngay\s*(?P<day>\d{1,2})\s*"
    r"(?:[/.\-]|thang)\s*(?P<month>\d{1,2})\s*(?:[/.\-]|nam)\s*(?P<year>\d{4})"
)


def decision_in_title(rows):
    """(number as written, date) of the first "Quyết định số … ngày …" in `rows`, or None.

    A date in the future or impossible (31/02) is no founding decision: None.
    """
    for row in rows:
        for value in row:
            text = normalize(cell_text(value))
            folded = fold(text)
            match = _DECISION.search(folded)
            if not match:
                continue
            try:
                day = date(int(match["year"]), int(match["month"]), int(match["day"]))
            except ValueError:
                continue
            # Folding keeps one letter for one letter (ế -> e, Đ -> d): the span is the written number.
            start, end = match.span("number")
            number = text[start:end] if len(folded) == len(text) else match["number"].upper()
            if day <= timezone.localdate():
                return number.replace(" ", "")[:60], day
    return None
