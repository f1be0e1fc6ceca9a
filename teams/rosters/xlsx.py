"""The cell values of an XLSX worksheet, parsed straight from its XML with expat.

openpyxl (even read-only) builds an element and a cell object for every cell, and a descriptor-
checked rich-text object for every inline string, which files written by openpyxl (our own
templates and exports among them) use for all their text: two thirds of a 50,000-row preview went
there. Only the values are needed here, so the workbook's parts that give them meaning (shared
strings, which styles are dates, the 1900 or 1904 epoch) still come from openpyxl, and the sheet's
rows are read by this small parser, which also collects the merged ranges in the same pass.
"""

from xml.parsers import expat

from openpyxl.utils.cell import column_index_from_string, range_boundaries
from openpyxl.utils.datetime import from_excel, from_ISO8601


def worksheet_values(worksheet):
    """(rows, merges) of an openpyxl read-only worksheet: rows[i] is spreadsheet row i + 1, a list
    of values padded to one width; merges are (min_col, min_row, max_col, max_row) of each range."""
    workbook = worksheet.parent
    reader = _SheetReader(
        workbook.shared_strings, workbook._date_formats, workbook._timedelta_formats, workbook.epoch
    )
    # The same archive member openpyxl's own read-only worksheet streams from.
    with workbook._archive.open(worksheet._worksheet_path) as stream:
        return reader.read(stream)


def _local(name):
    return name.rpartition(":")[2]  # "x:c" from files that prefix the namespace


def _number(text):
    return float(text) if "." in text or "e" in text or "E" in text else int(text)


class _SheetReader:
    def __init__(self, shared_strings, date_styles, timedelta_styles, epoch):
        self.shared_strings = shared_strings
        self.date_styles = date_styles
        self.timedelta_styles = timedelta_styles
        self.epoch = epoch
        self.rows = []
        self.merges = []
        self.row = None
        self.column = 0
        self.cell = None  # (type, style) of the cell being read
        self.text = None  # the cell's <v> or inline-string text, None while it has none
        self.collecting = False  # inside a <v>, or a <t> of an inline string
        self.in_phonetic = False  # <rPh> runs are pronunciation hints, not part of the value

    def read(self, stream):
        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._characters
        parser.ParseFile(stream)
        width = max((len(row) for row in self.rows), default=0)
        for row in self.rows:
            row.extend([None] * (width - len(row)))
        return self.rows, self.merges

    def _start(self, name, attributes):
        name = _local(name)
        if name == "c":
            reference = attributes.get("r")
            if reference:
                self.column = column_index_from_string(reference.rstrip("0123456789"))
            else:
                self.column += 1
            self.cell = (attributes.get("t", "n"), int(attributes.get("s", 0)))
            self.text = None
        elif (name == "v" or name == "t") and self.cell and not self.in_phonetic:
            self.collecting = True
            self.text = self.text or ""
        elif name == "row":
            number = attributes.get("r")
            number = int(number) if number else len(self.rows) + 1
            while len(self.rows) < number:  # rows with no cells are left out of the XML
                self.rows.append([])
            self.row = self.rows[number - 1]
            self.column = 0
        elif name == "rPh":
            self.in_phonetic = True
        elif name == "mergeCell":
            self.merges.append(range_boundaries(attributes["ref"]))

    def _characters(self, data):
        if self.collecting:
            self.text += data

    def _end(self, name):
        name = _local(name)
        if name == "c":
            if self.text:
                self.row.extend([None] * (self.column - len(self.row)))
                self.row[self.column - 1] = self._value(*self.cell, self.text)
            self.cell = self.text = None
        elif name == "v" or name == "t":
            self.collecting = False
        elif name == "rPh":
            self.in_phonetic = False

    def _value(self, kind, style, text):
        """The cell's value as openpyxl gives it with data_only=True."""
        if kind == "s":
            return self.shared_strings[int(text)]
        if kind in ("inlineStr", "str", "e"):
            return text
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return from_ISO8601(text)
        value = _number(text)
        if style in self.date_styles:
            try:
                return from_excel(value, self.epoch, timedelta=style in self.timedelta_styles)
            except (OverflowError, ValueError):
                return "#VALUE!"
        return value
