"""Dashboard charts on a phone: unit names break between words, never mid-word or mid-entity."""

import xml.etree.ElementTree as ET

from reporting.charts import ranked_bars

SVG = "{http://www.w3.org/2000/svg}"


def shown_labels(svg):
    """The names drawn left of the bars (at x=0), each as read aloud."""
    # Our own chart markup, parsed to prove it stays well-formed XML whatever the names hold.
    root = ET.fromstring(str(svg))  # noqa: S314
    return [
        " ".join("".join(text.itertext()).split()) for text in root.iter(f"{SVG}text") if text.get("x") == "0"
    ]


def test_long_names_wrap_onto_two_lines_of_whole_words():
    name = "Tổ công nghệ số cộng đồng thôn Giang Cao & Đông Dư"
    [label] = shown_labels(ranked_bars([(name, 12, "/vi/dashboard/team/1/")], "Người dân được hỗ trợ"))
    assert label.endswith("…")
    assert set(label.removesuffix("…").split()) <= set(name.split())
    assert label.startswith("Tổ công nghệ số cộng đồng")


def test_short_names_stay_on_one_line_whole():
    svg = ranked_bars([("Xã Bát Tràng", 1028, "")], "Người dân được hỗ trợ")
    assert shown_labels(svg) == ["Xã Bát Tràng"]
    assert ">1.028<" in svg


def test_the_longest_province_name_takes_two_lines_instead_of_running_under_its_bar():
    svg = ranked_bars([("Thành phố Hồ Chí Minh", 52800, "")], "Người dân được hỗ trợ")
    assert shown_labels(svg) == ["Thành phố Hồ Chí Minh"]
    assert '<tspan x="0">Thành phố Hồ Chí </tspan><tspan x="0" dy="11">Minh</tspan>' in svg
