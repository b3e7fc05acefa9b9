"""Where a field of a parsed TOML or YAML document was written, so errors can name the line.

tomllib gives no positions, so TOML documents are mapped by a small line scanner that
understands what plan and catalogue files use: ``[table]``, ``[[array.of.tables]]``,
``key = value`` (dotted keys too), inline tables and multi-line arrays of inline tables.
YAML documents are mapped from the node marks PyYAML keeps.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import yaml

Path = tuple[str | int, ...]
"""A field's location as pydantic reports it: ``("blocks", 0, "moves", 1, "reps")``."""

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


class SourceMap:
    """Maps field paths to 1-based line numbers; unknown paths fall back to their nearest parent."""

    def __init__(self, lines: dict[Path, int]) -> None:
        self._lines = lines

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """The line where ``path`` (or the closest enclosing field that was written) starts."""
        for end in range(len(path), 0, -1):
            if (line := self._lines.get(tuple(path[:end]))) is not None:
                return line
        return None

    @classmethod
    def of_toml(cls, text: str) -> SourceMap:
        """Scan a TOML document's lines (see the module docstring for what is understood)."""
        lines: dict[Path, int] = {}
        table: Path = ()
        counts: dict[Path, int] = {}
        array_key: Path | None = None
        array_items = 0
        depth = 0
        in_string = False
        for number, raw in enumerate(text.splitlines(), start=1):
            if in_string:
                in_string = raw.count('"""') % 2 == 0
                continue
            if array_key is not None:
                if raw.lstrip().startswith("{"):
                    lines.setdefault((*array_key, array_items), number)
                    array_items += 1
                depth += _bracket_balance(raw)
                if depth <= 0:
                    array_key = None
                continue
            if header := _HEADER.match(raw):
                keys = _split_key(header[2])
                table = _resolve(keys, counts, lines, is_array=header[1] == "[[")
                lines.setdefault(table, number)
                continue
            if key := _KEY.match(raw):
                path = (*table, *_split_key(key[1]))
                lines.setdefault(path, number)
                rest = raw[key.end() :].strip()
                if rest.startswith('"""') and rest.count('"""') == 1:
                    in_string = True
                elif rest.startswith("[") and _bracket_balance(rest) > 0:
                    array_key, array_items, depth = path, 0, _bracket_balance(rest)
                elif rest.startswith("[") and rest.count("{"):
                    for index in range(rest.count("{")):
                        lines.setdefault((*path, index), number)
        return cls(lines)

    @classmethod
    def of_yaml(cls, text: str) -> SourceMap:
        """Walk the YAML node tree and record each node's start line."""
        lines: dict[Path, int] = {}
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        if root is not None:
            _walk_yaml(root, (), lines)
        return cls(lines)


def _bracket_balance(text: str) -> int:
    """Opening minus closing square brackets outside quoted strings and comments."""
    balance, quote = 0, ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "#":
            break
        else:
            balance += (char == "[") - (char == "]")
    return balance


def _split_key(dotted: str) -> list[str]:
    return [part.strip().strip("\"'") for part in re.split(r"\.(?=(?:[^\"']*[\"'][^\"']*[\"'])*[^\"']*$)", dotted)]


def _resolve(keys: list[str], counts: dict[Path, int], lines: dict[Path, int], *, is_array: bool) -> Path:
    """Turn a header's keys into a path, indexing arrays of tables seen so far."""
    path: Path = ()
    for position, key in enumerate(keys):
        path = (*path, key)
        last = position == len(keys) - 1
        if last and is_array:
            index = counts.get(path, 0)
            counts[path] = index + 1
            path = (*path, index)
        elif path in counts:
            path = (*path, counts[path] - 1)
    return path


def _walk_yaml(node: yaml.Node, path: Path, lines: dict[Path, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*path, str(key_node.value))
            lines.setdefault(child, key_node.start_mark.line + 1)
            _walk_yaml(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk_yaml(item, (*path, index), lines)
