"""User overlays of the packaged lexicons: the `lexicons:` section of knowledge-base files.

A user file (`vigie extract --kb mine.yaml`) may extend any stage lexicon of
vigie/knowledge/data/lexicons/ with the packaged file's own structure. Merge rule (`merge`):
mappings merge key by key, recursively; lists are extended with the items they lack, in order;
scalars replace. Each section is checked against the packaged lexicon first, so a typo fails
at load time with the file and line, not later inside a stage. Format: docs/knowledge.md.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import yaml

from vigie.knowledge.typed_yaml import Checker, Mapped, read_typed

LOGGER = logging.getLogger(__name__)
LEXICONS = Path(__file__).parent / "data" / "lexicons"
NAMES = ("actors", "arguments", "cues", "figures", "times", "triggers")
# Fields without which the stage loaders cannot use a new list item (every other field has a
# default in the loader), by lexicon and top-level key.
REQUIRED = {
    ("actors", "collectives"): ("id", "name", "kind"),
    ("actors", "roles"): ("words", "kind"),
    ("cues", "verbs"): ("lemma",),
    ("triggers", "triggers"): ("type", "words"),
}


def merge(base, extra):
    """`extra` merged over `base`, neither changed (the packaged data is cached and shared).

    >>> merge({"a": [1, 2], "b": {"c": 1}}, {"a": [2, 3], "b": {"d": 2}})
    {'a': [1, 2, 3], 'b': {'c': 1, 'd': 2}}
    """
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        seen = {_frozen(item) for item in base}
        return [*base, *(x for x in extra if not (_frozen(x) in seen or seen.add(_frozen(x))))]
    return extra


def _frozen(value):
    """A hashable stand-in for a YAML value, to test list membership in linear time."""
    if isinstance(value, dict):
        return frozenset((k, _frozen(v)) for k, v in value.items())
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def apply(name: str, data: dict, kb_files: tuple[str, ...]) -> dict:
    """The lexicon `data` with the users' `lexicons: <name>:` sections merged over it, in order.

    Args:
        name: the lexicon ("triggers", "cues", "figures", "times", "actors" or "arguments").
        data: the packaged lexicon as its loader read it.
        kb_files: user knowledge-base files; none gives `data` itself, with no work done.

    Returns:
        The merged lexicon.

    Raises:
        KnowledgeError: a user file or its `lexicons:` section is invalid (file and line named).
    """
    for section in user_lexicons(tuple(kb_files)).get(name, ()):
        data = merge(data, section)
    return data


@lru_cache(maxsize=8)
def user_lexicons(kb_files: tuple[str, ...]) -> dict[str, tuple[dict, ...]]:
    """Every checked `lexicons:` section of the files, by lexicon name, in file order (cached)."""
    found: dict[str, list[dict]] = {}
    for path in kb_files:
        data, check = read_typed(Path(path))
        section = data.get("lexicons")
        if section is None:
            continue
        if not isinstance(section, Mapped):
            raise check.fail(data.line_of("lexicons"), "'lexicons' must be a mapping of lexicon "
                             f"names (known: {', '.join(NAMES)})")
        for name, lexicon in section.items():
            found.setdefault(name, []).append(_checked(name, lexicon, section.line_of(name), check))
    return {name: tuple(sections) for name, sections in found.items()}


def _checked(name: str, lexicon, line: int, check: Checker) -> dict:
    if name not in NAMES:
        raise check.fail(line, f"unknown lexicon {name!r} (known: {', '.join(NAMES)})")
    if not isinstance(lexicon, Mapped):
        raise check.fail(line, f"lexicon {name!r} must be a mapping, got {_kind(lexicon)}")
    known = packaged(name)
    for key in lexicon:
        if key not in known:
            raise check.fail(lexicon.line_of(key), f"unknown key {key!r} in lexicon {name!r} "
                             f"(known: {', '.join(sorted(known))})")
    _Shape(check, name).compare(known, lexicon, (), line)
    return lexicon


# libyaml's loader when PyYAML has it: lexicons are read at every model load.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read(name: str, kb_files: tuple[str, ...] = (), path: str | Path | None = None) -> dict:
    """The lexicon `name` as a stage loads it: its YAML file, the users' sections merged over it.

    Args:
        name: the lexicon ("triggers", "cues", "figures", "times", "actors" or "arguments").
        kb_files: user knowledge-base files (see `apply`).
        path: the lexicon file; the packaged one by default.

    Returns:
        A new dict on every call (loaders may change it).
    """
    path = LEXICONS / f"{name}.yaml" if path is None else Path(path)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    return apply(name, data, kb_files)


@lru_cache(maxsize=len(NAMES))
def packaged(name: str) -> dict:
    """The packaged lexicon `name`, parsed (cached): what user sections are checked against."""
    return read(name)


def _kind(value) -> str:
    """The structural type of a YAML value, as messages name it."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    return "a number" if isinstance(value, int | float) else "a text"


def _fits(known, value) -> bool:
    """Whether `value` may stand where the packaged lexicon has `known` (null fits any scalar)."""
    kinds = {_kind(known), _kind(value)}
    return len(kinds) == 1 or ("null" in kinds and not kinds & {"a mapping", "a list"})


class _Record:
    """The fields a new list item or mapping value may have, from its packaged siblings."""

    def __init__(self, examples: list[dict]):
        self.fields: dict = {}
        for example in examples:
            for key, value in example.items():
                self.fields.setdefault(key, value)


class _Shape:
    """Compares a user section with the packaged lexicon, raising at the first mismatch."""

    def __init__(self, check: Checker, lexicon: str):
        self.check, self.lexicon = check, lexicon

    def compare(self, known, value, path: tuple[str, ...], line: int) -> None:
        """`value` must have the structure of `known`, recursively."""
        if isinstance(known, _Record):
            self._record(known, value, path, line)
            return
        if not _fits(known, value):
            self._mismatch(_kind(known), value, path, line)
        if isinstance(value, dict):
            for key, item in value.items():
                like = known[key] if key in known else _sibling(list(known.values()))
                self._compare_any(like, item, (*path, str(key)), value.line_of(key))
        elif isinstance(value, list):
            like = _sibling(known)
            for i, item in enumerate(value):
                self._compare_any(like, item, (*path, f"[{i}]"), getattr(item, "line", line))

    def _compare_any(self, like, value, path: tuple[str, ...], line: int) -> None:
        if like is not _ANY:
            self.compare(like, value, path, line)

    def _record(self, record: _Record, value, path: tuple[str, ...], line: int) -> None:
        if not isinstance(value, dict):
            self._mismatch("a mapping", value, path, line)
        where = self._where(path)
        for key, item in value.items():
            if key not in record.fields:
                raise self.check.fail(value.line_of(key), f"unknown field {key!r} in {where} "
                                      f"(known: {', '.join(sorted(map(str, record.fields)))})")
            self.compare(record.fields[key], item, (*path, str(key)), value.line_of(key))
        needed = REQUIRED.get((self.lexicon, path[0]), ()) if len(path) == 2 else ()
        missing = [k for k in needed if k not in value]
        if missing:
            raise self.check.fail(value.line, f"{where} needs {', '.join(map(repr, missing))}")

    def _mismatch(self, expected: str, value, path: tuple[str, ...], line: int):
        raise self.check.fail(line, f"{self._where(path)} must be {expected} as in the packaged "
                              f"{self.lexicon} lexicon, got {_kind(value)}")

    def _where(self, path: tuple[str, ...]) -> str:
        """The value's place in the section: "triggers.triggers[0].words"."""
        return self.lexicon + "".join(p if p.startswith("[") else f".{p}" for p in path)


_ANY = object()  # no packaged example to compare with: anything goes


def _sibling(examples: list):
    """What a new key or item must look like, from the packaged siblings when they agree:
    a `_Record` of their fields for mappings ("kinds" entries have nouns, verbs or both),
    else the first one; `_ANY` when there are none or they differ."""
    kinds = {_kind(e) for e in examples if e is not None}
    if len(kinds) != 1:
        return _ANY
    if kinds == {"a mapping"}:
        return _Record([e for e in examples if e is not None])
    return next(e for e in examples if e is not None)
