"""The skills a team member ticks, grouped as the framework of basic digital skills groups them.

Decision 757/QĐ-BKHCN (29/04/2025) names the groups; which skills make the "basic set" is decided
per framework version here, in code. Every check stores the version it was made against
(settings.HOUSEHOLD_SKILLS_FRAMEWORK at the time), and is judged by that version's basic set
forever: a new version adds an entry below and changes the setting, and no past check, covered
household or figure moves.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Skill:
    code: str
    label: object  # lazy text


@dataclass(frozen=True)
class Group:
    code: str
    label: object
    skills: tuple


@dataclass(frozen=True)
class Framework:
    version: str
    groups: tuple
    basic: frozenset  # skill codes a person must have shown to count as having the basic set

    @property
    def skills(self):
        return {skill.code: skill for group in self.groups for skill in group.skills}

    def group_of(self, code):
        return next(group for group in self.groups if any(skill.code == code for skill in group.skills))

    def complete_groups(self, shown):
        """Codes of the groups whose every skill is among `shown`."""
        return {group.code for group in self.groups if {skill.code for skill in group.skills} <= set(shown)}

    def has_basic(self, shown):
        return self.basic <= set(shown)


BASIC = "basic"  # what a Confirmation names when the whole basic set is reached

FRAMEWORKS = {
    "757/2025": Framework(
        "757/2025",
        (
            Group(
                "device",
                _("Using a device"),
                (Skill("device_apps", _("Uses the phone and its apps (install, open, update)")),),
            ),
            Group(
                "information",
                _("Finding information"),
                (Skill("find_information", _("Finds information online and judges whether it is reliable")),),
            ),
            Group(
                "communication",
                _("Communicating"),
                (Skill("zalo_safely", _("Uses Zalo (or another chat app) safely")),),
            ),
            Group(
                "public_services",
                _("Online public services"),
                (
                    Skill("vneid_level2", _("Installed and activated VNeID level 2")),
                    Skill(
                        "public_service_application", _("Submits an application on the public service portal")
                    ),
                ),
            ),
            Group("payments", _("Payments"), (Skill("pay_by_qr", _("Pays by scanning a QR code")),)),
            Group("safety", _("Safety"), (Skill("spot_scam", _("Spots a scam call or message")),)),
        ),
        frozenset(
            {
                "device_apps",
                "zalo_safely",
                "vneid_level2",
                "public_service_application",
                "pay_by_qr",
                "spot_scam",
            }
        ),
    ),
}


def current():
    """The framework new checks are made against."""
    return FRAMEWORKS[settings.HOUSEHOLD_SKILLS_FRAMEWORK]


def framework(version):
    return FRAMEWORKS[version]
