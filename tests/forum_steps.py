"""Steps the forum tests share: proving a phone through the forum's door, as a citizen does."""

import re

from django.urls import reverse

from cms.models import TopicPage

ASK = reverse("phone_proof:ask", kwargs={"door": "forum"})
CHECK = reverse("phone_proof:check", kwargs={"door": "forum"})


def prove_phone(client, typed, capsys, captured):
    """Ask for a code for `typed`, read it from the console provider's output, type it."""
    capsys.readouterr()
    with captured(execute=True):
        client.post(ASK, {"phone": typed})
    code = re.findall(r"\b(\d{6})\b", capsys.readouterr().out)[-1]
    response = client.post(CHECK, {"code": code})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def topic(language="vi"):
    return TopicPage.objects.live().filter(locale__language_code=language).order_by("path").first()
