"""The strategy's progress in public: the dashboards' figures, with no commune under 5 readable."""

import re

import pytest

from progress.figures import public_table
from reporting import dashboards
from teams.activity import last_months
from tests.factories import CommuneFactory
from tests.pages import visible_text
from tests.progress_attack import possible_values
from tests.world import progress

pytestmark = pytest.mark.django_db

FIGURES = ("villages", "covered", "members", "trained", "sessions", "citizens")


def rows_of(page):
    """{name: [cells as shown]} of the page's units table, the total row under ""."""
    table = re.search(r'<table class="data stack" id="units">(.*?)</table>', page, flags=re.S).group(1)
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)[1:]:
        cells = [visible_text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)]
        rows["" if cells[0] in ("Tổng cộng", "Total") else cells[0]] = cells[1:]
    return rows


def test_public_figures_are_the_dashboards_figures_for_the_same_months(progress_country):
    months = last_months()
    public = public_table(months, [progress_country["north"].pk])
    nation = dashboards.national(progress_country["national"], months)
    province = dashboards.province(progress_country["national"], progress_country["north"], months)
    for board_rows, public_rows in ((nation.rows, public.provinces), (province.rows, public.communes["91"])):
        by_name = {row.label: row for row in board_rows}
        assert {unit.name for unit in public_rows} == set(by_name)
        for unit in public_rows:
            assert [unit.values[name] for name in FIGURES] == [
                getattr(by_name[unit.name], name) for name in FIGURES
            ]
    # Month by month too: the country's sessions and citizens are the national dashboard's.
    assert [(s, c) for _m, s, c in public.trend[""]] == list(
        zip(nation.sessions_by_month, nation.citizens_by_month, strict=True)
    )


def test_the_province_page_shows_published_figures_and_hides_the_small_ones(progress_province, client):
    page = client.get("/vi/progress/91/").content.decode()
    rows = rows_of(page)
    # Villages with an active team / villages, members, trained, sessions, citizens helped.
    assert rows["Xã Bát Tràng"] == ["1 / 1", "< 5", "< 5", "< 5", "< 5"]
    assert rows["Xã Đa Tốn"] == ["1 / 1", "x", "x", "x", "x"]
    assert rows["Xã Cổ Bi"] == ["1 / 2", "9", "x", "x", "120"]
    assert rows[""] == ["3 / 4", "18", "12", "12", "172"]
    assert "“< 5”: ít hơn năm" in visible_text(page)


def test_no_small_cell_can_be_worked_out_by_subtracting_from_the_total(progress_province, client):
    """A reader with the page and arithmetic: every "< 5" keeps at least two possible values."""
    rows = rows_of(client.get("/vi/progress/91/").content.decode())
    total = rows.pop("")
    for column in range(1, 5):
        cells = [row[column] for row in rows.values()]
        for index, cell in enumerate(cells):
            if cell == "< 5":
                assert len(possible_values(cells, total[column], index)) >= 2, (column, cells)


def test_a_province_whose_total_would_give_a_commune_away_is_hidden_among_the_provinces(
    progress_country, client
):
    """Tỉnh Lào Cai's only members are Xã Tả Van's two: its total is shown as "< 5", and Thành phố Hà Nội's is
    hidden beside it, so the national total cannot give it back."""
    national = rows_of(client.get("/en/progress/").content.decode())
    assert national["Tỉnh Lào Cai"][1] == "< 5"
    assert national["Thành phố Hà Nội"][1] == "x"
    assert national[""][1] == "20"
    province = rows_of(client.get("/en/progress/92/").content.decode())
    assert province["Xã Tả Van"][1] == "< 5"
    assert province[""][1] == "< 5"
    cells = [national["Tỉnh Lào Cai"][1], national["Thành phố Hà Nội"][1]]
    assert len(possible_values(cells, "20", 0, hidden_low={1: 15})) >= 2


def test_the_pages_answer_in_both_languages_with_charts_and_their_table(progress_country, client):
    vi = client.get("/vi/progress/")
    en = client.get("/en/progress/")
    assert vi.status_code == en.status_code == 200
    assert "Tiến độ của các Tổ công nghệ số cộng đồng" in vi.content.decode()
    assert "Progress of the community digital technology teams" in en.content.decode()
    for response in (vi, en):
        page = response.content.decode()
        assert page.count("<svg") == 2
        assert 'id="months"' in page
        assert 'id="units"' in page
        assert "<script src" not in page
    assert client.get("/vi/progress/99/").status_code == 404


def test_no_personal_data_on_the_public_pages(progress_country, client):
    for path in ("/vi/progress/", "/vi/progress/91/", "/en/progress/92/"):
        page = client.get(path).content.decode()
        assert progress.SECRET_NAME not in page
        assert progress.SECRET_PHONE[-6:] not in page


def test_the_home_page_links_to_progress_and_open_data(client, home_pages):
    for language in ("vi", "en"):
        page = client.get(f"/{language}/").content.decode()
        assert f'href="/{language}/progress/"' in page
        assert f'href="/{language}/open-data/"' in page


def test_anonymous_readers_get_answers_an_edge_cache_may_keep_and_revalidate(progress_country, client):
    for path in (
        "/vi/progress/",
        "/en/progress/91/",
        "/open-data/communes.csv",
        "/open-data/datapackage.json",
    ):
        first = client.get(path)
        assert "public" in first["Cache-Control"], path
        assert "s-maxage=900" in first["Cache-Control"], path
        again = client.get(path, headers={"if-none-match": first["ETag"]})
        assert again.status_code == 304, path
        assert again.content == b"", path
        assert again["Cache-Control"] == first["Cache-Control"]
    changed = client.get("/vi/progress/", headers={"if-none-match": '"stale"'})
    assert changed.status_code == 200


def test_a_signed_in_readers_page_is_never_kept_at_the_edge(progress_country, client):
    client.force_login(progress_country["national"])
    response = client.get("/vi/progress/")
    assert "private" in response["Cache-Control"]
    assert "s-maxage" not in response["Cache-Control"]


def test_communes_with_nothing_yet_are_named_in_one_line_not_a_row_each(progress_province, client):
    """Hà Nội has 126 communes, most without a team: a block of zeros each took 30,000 px on a phone."""
    CommuneFactory(code="91990", province=progress_province["north"], name="Xã Chưa Có Tổ")
    page = client.get("/vi/progress/91/").content.decode()
    assert "Xã Chưa Có Tổ" not in rows_of(page)
    quiet = visible_text(
        re.search(r'<details class="units" id="no-figures">(.*?)</details>', page, re.S).group(1)
    )
    assert quiet == "Chưa có tổ hay số liệu (1) Xã Chưa Có Tổ"
    assert rows_of(page)[""] == ["3 / 4", "18", "12", "12", "172"]  # the total counts every commune
