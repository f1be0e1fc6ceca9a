"""Administrators manage people in Wagtail's user screens, with our fields (full name, phone)."""

import pytest
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory, enrolled_in_two_factor

pytestmark = pytest.mark.django_db
ADD_USER = reverse("wagtailusers_users:add")


@pytest.fixture
def admin_client(client):
    client.force_login(enrolled_in_two_factor(UserFactory(is_staff=True, is_superuser=True)))
    return client


def test_an_administrator_adds_a_person_by_name_and_phone(admin_client):
    form = admin_client.get(ADD_USER).content.decode()
    assert 'name="full_name"' in form
    assert 'name="phone"' in form
    assert 'name="first_name"' not in form

    response = admin_client.post(
        ADD_USER,
        {
            "full_name": "Nguyễn Thị Lan",
            "phone": "0912.345.678",
            "email": "",
            "preferred_language": "vi",
            "password1": "a-long-admin-password-2026",
            "password2": "a-long-admin-password-2026",
        },
    )
    assert response.status_code == 302
    person = User.objects.get(phone="+84912345678")
    assert (person.full_name, person.email) == ("Nguyễn Thị Lan", None)


def test_a_person_needs_an_email_or_a_phone_and_the_form_keeps_what_was_typed(admin_client):
    response = admin_client.post(
        ADD_USER,
        {"full_name": "Trần Văn Nam", "email": "", "phone": "", "preferred_language": "vi"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Hãy nhập địa chỉ email hoặc số điện thoại." in page
    assert 'value="Trần Văn Nam"' in page
    assert not User.objects.filter(full_name="Trần Văn Nam").exists()
