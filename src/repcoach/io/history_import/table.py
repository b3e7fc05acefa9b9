"""An exported file as a table: text decoded, delimiter found, each record with the line it starts on."""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from typing import Any, NamedTuple

from repcoach.errors import InvalidInput, Problem

DELIMITERS = (",", ";", "\t")
"""Strong on iOS writes commas, on Android semicolons; a spreadsheet may have saved tabs."""


class Record(NamedTuple):
    """A tuple, not a dataclass: a long history has hundreds of thousands, and tuples are built fastest."""

    line: int
    """The line the record starts on; a quoted note may run over several."""
    fields: list[str]


@dataclass(frozen=True)
class Table:
    delimiter: str
    header: list[str]
    """Column names as written, trimmed."""
    records: list[Record]


def decode(data: bytes | str, file_name: str) -> str:
    """The file's text: UTF-8 (with or without a byte-order mark), UTF-16 with one, else Windows-1252."""
    if isinstance(data, str):
        text = data
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    text = text.lstrip("\ufeff")
    if "\x00" in text or _looks_binary(text):
        raise InvalidInput([Problem("this is not a text file; export a CSV from the app and import that", file_name)])
    return text


def header_fields(text: str) -> dict[str, list[str]]:
    """The first line split by each delimiter, names trimmed of spaces and quotes."""
    first = _first_line(text) if text and not text.isspace() else ""
    split = {}
    for delimiter in DELIMITERS:
        fields = next(csv.reader([first], delimiter=delimiter), [])
        split[delimiter] = [name.strip().strip('"').strip() for name in fields]
    return split


def records(text: str, delimiter: str, file_name: str) -> Table:
    """Every record after the header, blank lines left out."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip().strip('"').strip() for name in next(reader)]
        rows = _numbered(reader)
    except csv.Error as error:
        raise InvalidInput([Problem(f"cannot be read as CSV: {error}", file_name, reader.line_num)]) from None
    return Table(delimiter, header, rows)


def _numbered(reader: Any) -> list[Record]:
    found = []
    line = reader.line_num + 1
    for fields in reader:
        if "".join(fields).strip():
            found.append(Record(line, fields))
        line = reader.line_num + 1
    return found


def _first_line(text: str) -> str:
    """``text.splitlines()[0]`` without splitting all of a long file's lines to get it."""
    end = 4096
    while True:
        lines = text[:end].splitlines()
        if len(lines) > 1 or end >= len(text):
            return lines[0]
        end *= 4


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    control = sum(1 for char in sample if ord(char) < 32 and char not in "\r\n\t")
    return control > len(sample) // 20
