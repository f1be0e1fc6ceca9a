"""A team member's cells: role in the team, gender and workplace, in the words officers write.

Generic cells (names, phones, dates) are cleaned by rosters.cleaning; these know `Member`'s choices.
"""

from functools import lru_cache

from django.utils.translation import gettext as _

from rosters.cells import cell_text
from rosters.cleaning import CellError
from teams.models import Member
from vietnamese.text import fold

_ROLES = {
    Member.TeamRole.LEADER: ("to truong", "truong", "leader", "tt", "truong to"),
    Member.TeamRole.DEPUTY: ("to pho", "pho", "deputy", "tp", "pho to", "pho to truong", "p to truong"),
    Member.TeamRole.MEMBER: ("thanh vien", "tv", "member", "uy vien", "to vien"),
}
# A role followed by the team's name ("Tổ phó tổ CNSCĐ thôn Đông", "Phó tổ trưởng thường trực")
# is still that role; longest spellings first, so "phó tổ trưởng" is never read as "tổ trưởng".
_ROLE_STARTS = sorted(
    ((spelling, role) for role, spellings in _ROLES.items() for spelling in spellings if " " in spelling),
    key=lambda item: -len(item[0]),
)


def clean_role(value):
    role = _role(fold(cell_text(value)))
    if role is None:
        raise CellError(
            _("Role in the team %(value)s is not known: write Tổ trưởng, Tổ phó or Thành viên.")
            % {"value": cell_text(value)}
        )
    return role


@lru_cache(maxsize=1024)
def _role(key):
    key = " ".join(key.replace(".", " ").split())
    for role, spellings in _ROLES.items():
        if key in spellings:
            return role
    return next((role for spelling, role in _ROLE_STARTS if key.startswith(spelling + " ")), None)


def looks_like_role(text):
    """Whether a cell holds a role in the team: evidence for a column the header does not name."""
    return _role(fold(text)) is not None


def clean_gender(value):
    key = fold(cell_text(value))
    if key in ("nam", "m", "male"):
        return Member.Gender.MALE
    if key in ("nu", "f", "female"):
        return Member.Gender.FEMALE
    if key in ("khac", "other"):
        return Member.Gender.OTHER
    raise CellError(_("Gender %(value)s is not known: write Nam or Nữ.") % {"value": cell_text(value)})


# Words in the "workplace" cell, most specific first.
_ORGANISATIONS = [
    (
        Member.Organisation.VILLAGE_OFFICE,
        ("truong thon", "truong ban", "truong ap", "truong khu", "to truong to dan pho", "thon", "tdp"),
    ),
    (Member.Organisation.YOUTH_UNION, ("doan thanh nien", "bi thu doan", "chi doan", "doan tn")),
    (Member.Organisation.WOMENS_UNION, ("phu nu",)),
    (Member.Organisation.FARMERS_UNION, ("nong dan",)),
    (Member.Organisation.FATHERLAND_FRONT, ("mat tran", "mttq")),
    (Member.Organisation.POLICE, ("cong an",)),
    (
        Member.Organisation.SCHOOL,
        ("truong hoc", "giao vien", "mam non", "tieu hoc", "thcs", "thpt", "truong th"),
    ),
    (Member.Organisation.HEALTH_STATION, ("y te", "tram y", "bac si", "y si")),
    (
        Member.Organisation.TELECOM_POST,
        ("viettel", "vnpt", "mobifone", "buu dien", "buu chinh", "vietnamobile", "fpt"),
    ),
    (Member.Organisation.VOLUNTEER, ("tinh nguyen",)),
    (
        Member.Organisation.VILLAGE_OFFICE,
        ("truong thon", "truong ban", "to truong to dan pho", "thon", "tdp"),
    ),
]


def clean_organisation(value):
    """The organisation a workplace names; anything else is 'other' (never an error)."""
    return _organisation(fold(cell_text(value)))


@lru_cache(maxsize=4096)
def _organisation(key):
    # Cached: a province's roster names a few dozen workplaces, each thousands of times.
    key = f" {key} "
    for organisation, words in _ORGANISATIONS:
        if any(word in key for word in words):
            return organisation
    return Member.Organisation.OTHER
