"""Numbers stored before phones.py folded other scripts' digits are rewritten in ASCII, and a
copy that duplicates an ASCII number already held gives way to it."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from accounts.models import User
from messaging.models import ConsentRecord, MutedNumber, Purpose
from teams.models import Member
from tests.factories_teams import MemberFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("privacy.migrations.0004_stored_phones_in_ascii_digits")


def _store_raw(model, pk, column, value):
    """Write past the models' own normalising, as the old code stored it."""
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {model._meta.db_table} SET {column} = %s WHERE id = %s", [value, pk])  # noqa: S608


def test_stored_numbers_in_other_scripts_become_ascii_and_duplicates_give_way():
    fullwidth = User.objects.create_user(phone="+84912345001", full_name="Lê Văn Tâm")
    _store_raw(User, fullwidth.pk, "phone", "+84９１２３４５００１")
    kept = User.objects.create_user(phone="+84912345002", full_name="Trần Thị Mai")
    copy = User.objects.create_user(phone="+84912345003", full_name="Trần Thị Mai")
    _store_raw(User, copy.pk, "phone", "+84٩١٢٣٤٥٠٠٢")
    member = MemberFactory(phone="+84912345004")
    _store_raw(Member, member.pk, "phone", "+84۹۱۲۳۴۵۰۰۴")
    consent = ConsentRecord.objects.create(phone="+84912345005", purpose=Purpose.REMINDER, granted=True)
    _store_raw(ConsentRecord, consent.pk, "phone", "+84９１２３４５００５")
    MutedNumber.objects.create(phone="+84912345002")
    muted_copy = MutedNumber.objects.create(phone="+84912345006")
    _store_raw(MutedNumber, muted_copy.pk, "phone", "+84٩١٢٣٤٥٠٠٢")

    migration.write_in_ascii(apps, None)

    assert User.objects.get(pk=fullwidth.pk).phone == "+84912345001"
    assert User.objects.get(pk=kept.pk).phone == "+84912345002"
    assert User.objects.get(pk=copy.pk).phone is None  # the second spelling of Mai's number
    assert Member.objects.get(pk=member.pk).phone == "+84912345004"
    assert ConsentRecord.objects.get(pk=consent.pk).phone == "+84912345005"
    assert list(MutedNumber.objects.values_list("phone", flat=True)) == ["+84912345002"]
