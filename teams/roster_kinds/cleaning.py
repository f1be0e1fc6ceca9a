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
    Member.TeamRole.DEPUTY: ("to pho", "pho", "deputy", "tp", "pho to", "to pho thuong truc"),
    Member.TeamRole.MEMBER: ("thanh vien", "tv", "member", "uy vien", "to vien"),
}


def clean_role(value):
    key = fold(cell_text(value)).replace(".", "").strip()
    for role, spellings in _ROLES.items():
        if key in spellings:
            return role
    raise CellError(
        _("Role in the team %(value)s is not known: write Tổ trưởng, Tổ phó or Thành viên.")
        % {"value": cell_text(value)}
    )


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
