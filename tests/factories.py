"""factory_boy factories for the map and people; each app's tests add theirs here."""

import factory

from accounts.models import Role, RoleAssignment, User
from places.models import Commune, Province, Village


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"{90 + n % 10:02d}")
    name = factory.Sequence(lambda n: f"Tỉnh Thử Nghiệm {n}")
    kind = Province.Kind.PROVINCE


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"{90000 + n:05d}")
    province = factory.SubFactory(ProvinceFactory)
    name = factory.Sequence(lambda n: f"Xã Thử Nghiệm {n}")
    kind = Commune.Kind.COMMUNE


class VillageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Village

    commune = factory.SubFactory(CommuneFactory)
    name = factory.Sequence(lambda n: f"Thôn {n + 1}")


TEST_PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    full_name = "Nguyễn Thị Lan"
    email = factory.Sequence(lambda n: f"user{n}@example.vn")
    password = factory.django.Password(TEST_PASSWORD)


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    """A role held in a unit. Officers and editors reach the admin, so they have enrolled
    two-factor as the middleware demands; pass two_factor=False to test the enrolment itself."""

    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = Role.COMMUNE_OFFICER

    @factory.post_generation
    def two_factor(assignment, create, extracted, **kwargs):
        staff_roles = {Role.NATIONAL_ADMIN, Role.PROVINCE_OFFICER, Role.COMMUNE_OFFICER, Role.CONTENT_EDITOR}
        if create and extracted is not False and assignment.role in staff_roles:
            enrolled_in_two_factor(assignment.user)


def sign_in_with_authenticator(client, email):
    """Email and password on allauth's form, then the authenticator enrolment every officer and
    editor goes through at first sign-in; returns the page shown after enrolling."""
    from django.urls import reverse

    from tests.totp import totp_code

    response = client.post(reverse("account_login"), {"login": email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    secret = client.get(reverse("mfa_activate_totp")).context["form"].secret
    return client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)}, follow=True)


def enrolled_in_two_factor(user):
    """Staff must enrol an authenticator app before the admin opens (accounts' MFA middleware)."""
    from allauth.mfa.models import Authenticator

    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "test"}}
    )
    return user
