"""How many cells a workbook expands to, counted before any reader builds them.

Bytes do not bound the work: 895 bytes of ODS can repeat one row a million times
(`number-rows-repeated`), and a 2.9 MB XLSX can unpack to 366 MB of cells, which calamine turns
into gigabytes of values and minutes of a worker that also sends sign-in codes. So the sheet parts
are streamed through once, cheaply (no values are built), and a file holding more than
ROSTER_MAX_CELLS cells is refused with one message. Empty cells repeated to the edge of the
sheet, which LibreOffice writes in every file, cost calamine nothing and are not counted.
"""

import re

from defusedxml.ElementTree import iterparse

_CHUNK = 1 << 20
# How an XLSX cell element starts, with or without a namespace prefix (<c r="A1">, <x:c r="A1">).
# Counting these is an upper bound (text may hold them too) found at memory speed, where a regex
# crawls; each is 3 bytes, so keeping the last 2 bytes of a chunk neither splits nor repeats one.
_XLSX_CELL_STARTS = (b"<c ", b"<c>", b":c ", b":c>")
_XLSX_SHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_ROW, _CELLS = f"{{{_TABLE}}}table-row", {f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"}


class TooManyCells(Exception):
    """The workbook expands to more cells than `limit`."""


def check_cells(archive, limit):
    """Raise `TooManyCells` when the zip workbook `archive` (XLSX or ODS) holds more than `limit`
    cells; XLSB parts are binary and stay bounded by their unpacked size alone."""
    names = archive.namelist()
    if "content.xml" in names:
        _count_ods(archive, limit)
    for name in names:
        if _XLSX_SHEET.match(name):
            limit -= _count_xlsx_part(archive, name, limit)


def _count_xlsx_part(archive, name, limit):
    counted, tail = 0, b""
    with archive.open(name) as part:
        while chunk := part.read(_CHUNK):
            text = tail + chunk
            counted += sum(text.count(start) for start in _XLSX_CELL_STARTS)
            tail = text[-2:]
            if counted > limit:
                raise TooManyCells
    return counted


def _count_ods(archive, limit):
    """Cells holding something, times the times their row and they are repeated."""
    counted, in_row = 0, 0
    with archive.open("content.xml") as content:
        for event, element in iterparse(content, events=("start", "end")):
            if element.tag in _CELLS and event == "end":
                if element.get(f"{{{_OFFICE}}}value-type") or len(element):
                    in_row += int(element.get(f"{{{_TABLE}}}number-columns-repeated", 1))
            elif element.tag == _ROW and event == "end":
                counted += in_row * int(element.get(f"{{{_TABLE}}}number-rows-repeated", 1))
                in_row = 0
                element.clear()
                if counted > limit:
                    raise TooManyCells
