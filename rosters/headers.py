"""Finding a sheet's header and saying what each of its columns was read as.

A header is found by meaning, not by a closed list of spellings: each `Column` of the kind's
schema knows its spellings and, through `means`, the words that name it ("Ấp", "Thôn/Bản",
"Khu phố"); a name may be written over two or three columns ("Họ và tên đệm" | "Tên"); a header
may take two rows ("Đơn vị" over "Xã" and "Thôn/Bản", the upper cell merged across). Among the
first rows, the header is the one naming most columns, ties settled by evidence from the values
under it (phones under the phone column, roles under the role column); a row holding a phone
number is data, never a header.

The officer's choices (`ColumnChoices`: a header mapped to a field, or "" for "not imported")
override recognition; those remembered for the unit apply to a file whose header is the same
(`signature`). `survey` lists every column with samples and what it was read as; a column
nobody named whose values look like a field's (villages, roles, phones, names) is `BLOCKING`:
nothing is imported until the officer maps it or marks it "not imported".
"""

import hashlib
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from rosters.cells import cell_text
from rosters.cleaning import looks_like_phone
from rosters.tables import STT, Table, header_key

HEADER_SCAN_ROWS = 25
EVIDENCE_ROWS = 8  # rows under a candidate header whose values are weighed
SAMPLE_ROWS = 200  # rows under the header a column's samples are taken from
SHOWN_SAMPLES = 3
READ, CHOSEN, NOT_IMPORTED, UNKNOWN, BLOCKING = "read", "chosen", "not_imported", "unknown", "blocking"


def column_key(header, position):
    """What the officer's choice for a column is kept under: its header's key, or "#C" (its
    letter) for a column with values but no header."""
    return header_key(header) or f"#{get_column_letter(position + 1)}"


def signature(keys):
    """The key a unit's choices are remembered by: the header's non-empty column keys, in order."""
    return hashlib.blake2b("|".join(key for key in keys if key).encode(), digest_size=20).hexdigest()


@dataclass
class ColumnChoices:
    chosen: dict = field(default_factory=dict)  # header key -> field, or "" for not imported
    remembered: dict = field(default_factory=dict)  # signature -> {header key: field or ""}

    def for_header(self, keys):
        return {**self.remembered.get(signature(keys), {}), **self.chosen}


@dataclass
class _Candidate:
    index: int  # the header's last row
    first: int  # its first row
    texts: dict  # column index -> the header text shown
    matched: dict  # column index -> Column
    ignored: frozenset
    keys: list
    chosen_keys: frozenset  # headers read as the officer chose

    @property
    def fields(self):
        return {column.field for column in self.matched.values()}


def find_table(sheet, schema, choices=None):
    """The `Table` of `sheet` for `schema` (a list of `Column`s), or None when no row is a header.

    A header must name every required field; among those, the one naming most fields wins, then
    the one whose columns' values look most like theirs."""
    reading = _Reading(schema, choices or ColumnChoices())
    rows = sheet.rows[:HEADER_SCAN_ROWS]
    data_like = [any(map(looks_like_phone, row)) for row in rows]
    best, best_score = None, None
    for index, row in enumerate(rows):
        if data_like[index]:
            continue
        single = _candidate(reading, index, index, dict(enumerate(row)), {})
        found = [single]
        if index and not data_like[index - 1]:
            upper = dict(enumerate(rows[index - 1]))
            pair = _candidate(reading, index - 1, index, dict(enumerate(row)), upper)
            above = _candidate(reading, index - 1, index - 1, upper, {})
            if len(pair.fields) > max(len(single.fields), len(above.fields)):
                found.append(pair)
        for candidate in found:
            if not all(column.field in candidate.fields for column in schema if column.required):
                continue
            score = (len(candidate.fields), _evidence(sheet, candidate))
            if best is None or score > best_score:
                best, best_score = candidate, score
    return _table(sheet, best) if best else None


class _Reading:
    """A schema's spellings and the officer's choices, looked up for each candidate header."""

    def __init__(self, schema, choices):
        self.schema = schema
        self.choices = choices
        self.by_key = {key: column for column in [STT, *schema] for key in column.keys}
        self.by_field = {column.field: column for column in reversed(schema)}  # a field's first

    def names(self, key):
        """(The column a header key names, how surely: 1 by its label, 2 by another spelling, 3 by
        meaning), or (None, None); 0 is the officer's own choice."""
        found = self.by_key.get(key)
        if found:
            return found, 1 if key == header_key(found.label) else 2
        found = next((column for column in self.schema if column.means and column.means(key)), None)
        return (found, 3) if found else (None, None)


def _candidate(reading, first, index, lower, upper):
    """What the header on rows first..index names: each cell of the lower row, or of the upper
    row where the lower one names nothing (a merged "Họ và tên" over both rows, "STT")."""
    texts = {}
    for position in sorted(set(lower) | set(upper)):
        low, high = cell_text(lower.get(position)), cell_text(upper.get(position))
        texts[position] = low if low and (reading.names(header_key(low))[0] or not high) else high
    keys = [header_key(texts[position]) for position in sorted(texts)]
    chosen = reading.choices.for_header(keys)
    matched, ignored, best = {}, set(), {}  # best: field -> (how surely named, column index)
    chosen_keys = set()
    for position, text in texts.items():
        key = column_key(text, position)
        if key in chosen:
            chosen_keys.add(key)
            column, sureness = reading.by_field.get(chosen[key]), 0
            if column is None:
                ignored.add(position)
                continue
        elif key[0] != "#":
            column, sureness = reading.names(key)
        else:
            continue  # a column without a header, not mapped by the officer
        if column is None:
            continue
        if column.part:
            matched[position] = column
        elif column.field not in best or sureness < best[column.field][0]:
            # Two headers naming one field ("Chức vụ" and "Chức vụ trong tổ"): the surer one is read.
            if column.field in best:
                del matched[best[column.field][1]]
            best[column.field] = (sureness, position)
            matched[position] = column
    _keep_whole_names(matched)
    return _Candidate(index, first, texts, matched, frozenset(ignored), keys, frozenset(chosen_keys))


def _keep_whole_names(matched):
    """Where a field is written whole ("Họ và tên") and in parts too, the whole column is read."""
    whole = {column.field for column in matched.values() if not column.part}
    for position, column in list(matched.items()):
        if column.part and column.field in whole:
            del matched[position]


def _evidence(sheet, candidate):
    """How many cells under the header look like their column's values (phones, roles, years),
    the rows right under it weighing most: a header sits directly on its data."""
    score = 0
    rows = sheet.rows[candidate.index + 1 : candidate.index + 1 + EVIDENCE_ROWS]
    for position, column in candidate.matched.items():
        if column.looks_like:
            score += sum(
                EVIDENCE_ROWS - depth
                for depth, row in enumerate(rows)
                if position < len(row) and column.looks_like(cell_text(row[position]))
            )
    return score


def _table(sheet, candidate):
    written = {}
    for position, column in sorted(candidate.matched.items()):
        text = f"{get_column_letter(position + 1)} ({candidate.texts[position]})"
        written[column.field] = f"{written[column.field]} + {text}" if column.field in written else text
    return Table(
        sheet,
        candidate.index,
        candidate.matched,
        written,
        first_header_index=candidate.first,
        ignored=candidate.ignored,
        signature=signature(candidate.keys),
        header_texts=candidate.texts,
        chosen_keys=candidate.chosen_keys,
    )


def survey(table, schema):
    """Every column of the table that has a header or values: its letter, header, a few sample
    values, and what it was read as (READ, CHOSEN, NOT_IMPORTED, UNKNOWN, or BLOCKING with the
    column its values look like). Looks at a few hundred rows, never the whole sheet."""
    rows = [
        row
        for row in table.sheet.rows[table.header_index + 1 : table.header_index + 1 + SAMPLE_ROWS]
        if any(cell_text(value) for value in row)
    ]
    width = max([len(table.header_texts), *(len(row) for row in rows)], default=0)
    found = []
    for position in range(width):
        header = cell_text(table.header_texts.get(position))
        values = [text for row in rows if position < len(row) and (text := cell_text(row[position]))]
        if not header and not values:
            continue
        column = table.columns.get(position)
        entry = {
            "letter": get_column_letter(position + 1),
            "header": header,
            "key": column_key(header, position),
            "samples": [text[:40] for text in dict.fromkeys(values)][:SHOWN_SAMPLES],
            "field": column.field if column else "",
            "label": column.label if column else "",
            "state": READ,
        }
        if column:
            entry["state"] = CHOSEN if entry["key"] in table.chosen_keys else READ
        elif position in table.ignored:
            entry["state"] = NOT_IMPORTED
        else:
            like = _looks_like(schema, values)
            entry["state"] = BLOCKING if like else UNKNOWN
            entry["label"] = like.label if like else ""
            entry["field"] = like.field if like else ""
        found.append(entry)
    return found


def _looks_like(schema, values):
    """The first column of `schema` most of whose values `values` look like, or None."""
    sample = values[:20]
    if not sample:
        return None
    for column in schema:
        if column.looks_like and sum(map(column.looks_like, sample)) * 5 >= len(sample) * 3:
            return column
    return None
