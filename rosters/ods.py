"""The merged ranges of an ODS file, which python-calamine reads the values of but not the merges.

LibreOffice writes a merged cell as one cell with `number-rows-spanned` / `number-columns-spanned`
followed by covered cells; officers merge the village cell over its rows there as in Excel. The
ranges are returned in calamine's own form so reading.py fills them the same way.
"""

import io
import zipfile

from defusedxml.ElementTree import iterparse

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_SHEET, _ROW = f"{{{_TABLE}}}table", f"{{{_TABLE}}}table-row"
_CELLS = {f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"}
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def is_ods(data):
    """An OpenDocument spreadsheet: its zip starts with the stored `mimetype` member saying so."""
    return data[30:38] == b"mimetype" and _ODS_MIMETYPE in data[38:120]


def _count(element, name):
    return int(element.get(f"{{{_TABLE}}}{name}", 1))


def ods_merged_ranges(data):
    """{sheet name: [((first row, first column), (last row, last column))]}, 0-based, inclusive."""
    merges, sheet, row, column, depth = {}, None, -1, 0, 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as content:
        for event, element in iterparse(content, events=("start", "end")):
            if element.tag == _SHEET:
                depth += 1 if event == "start" else -1
                if event == "start" and depth == 1:
                    sheet, row = merges.setdefault(element.get(f"{{{_TABLE}}}name"), []), -1
            elif depth != 1:
                continue  # a table inside a cell (rare) has rows of its own
            elif element.tag == _ROW:
                if event == "start":
                    row, column = row + 1, 0
                else:
                    row += _count(element, "number-rows-repeated") - 1
                    element.clear()
            elif element.tag in _CELLS and event == "start":
                rows, columns = (
                    _count(element, "number-rows-spanned"),
                    _count(element, "number-columns-spanned"),
                )
                if rows > 1 or columns > 1:
                    sheet.append(((row, column), (row + rows - 1, column + columns - 1)))
                column += _count(element, "number-columns-repeated")
    return {name: ranges for name, ranges in merges.items() if ranges}
