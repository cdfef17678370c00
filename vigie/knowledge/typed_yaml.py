"""Line-aware reading and validation of knowledge-base YAML files.

Every mapping read from a file remembers its line and the line of each key, so that a bad
field in a user's extension file is reported as "[V020] FILE: line N: what is wrong".
"""

from __future__ import annotations

import logging
import re
from datetime import date
from pathlib import Path

import yaml

from vigie.errors import Errors, KnowledgeError

LOGGER = logging.getLogger(__name__)

SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE "
    "REL SOC IGO NGO".split()
)
KINDS = frozenset({"person", "organization", "state", "group", "population"})
SECTIONS = frozenset({"version", "countries", "entries", "roles", "lexicons", "places"})
COUNTRY_FIELDS = frozenset({"name", "names", "demonyms", "metonyms", "ambiguous", "wikidata"})
ENTRY_FIELDS = frozenset({"id", "name", "kind", "country", "sector", "role", "aliases", "start",
                          "end", "offices", "wikidata"})
OFFICE_FIELDS = frozenset({"role", "country", "sector", "start", "end"})
ROLE_FIELDS = frozenset({"words", "sector", "kind"})
METONYM_FIELDS = frozenset({"name", "sector"})
PLACE_FIELDS = frozenset({"name", "aliases", "country", "lat", "lon", "level", "population"})
PLACE_LEVELS = ("city", "region")  # the gazetteer's levels below a country
LATITUDE, LONGITUDE, POPULATION = (-90.0, 90.0), (-180.0, 180.0), (0.0, 1e10)
_ISO3 = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_QID = re.compile(r"^Q[1-9]\d*$")


class Mapped(dict):
    """A YAML mapping that knows its line and the line of each of its keys (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        """The line of `key` in the file, else the mapping's own line."""
        return self.key_lines.get(key, self.line)


class _Loader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """SafeLoader (libyaml when available) whose mappings are `Mapped` and scalars strings.

    Every field of the format is text, so implicit typing (dates, numbers, booleans) is off:
    it tripled the load time of people.yaml and would turn a country code "NO" into False.
    """

    yaml_implicit_resolvers: dict = {}


def _construct_mapping(loader, node) -> Mapped:
    data = Mapped(loader.construct_mapping(node, deep=True))
    data.line = node.start_mark.line + 1
    data.key_lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if hasattr(k, "value")}
    return data


class _TypedLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """The same loader with YAML's implicit typing kept: lexicons hold numbers ("noël: [12, 25]")
    and booleans, compared with the packaged files' values (vigie/knowledge/overlay.py)."""


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_TypedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class Checker:
    """Reports problems of one file as KnowledgeError naming the file and the line."""

    def __init__(self, path: Path, countries: frozenset[str]):
        self.path = path
        self.countries = countries

    def fail(self, line: int, reason: str) -> KnowledgeError:
        """The error to raise for `reason` at `line`."""
        return KnowledgeError(Errors.E020.format(path=self.path, line=line, reason=reason))

    def fields(self, item, allowed: frozenset[str], what: str, line: int) -> Mapped:
        """`item` must be a mapping with only `allowed` keys."""
        if not isinstance(item, Mapped):
            raise self.fail(line, f"{what} must be a mapping, got {type(item).__name__}")
        for key in item:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                reason = f"unknown field {key!r} in {what} (known: {known})"
                raise self.fail(item.line_of(key), reason)
        return item

    def text(self, item: Mapped, key: str, what: str, required: bool = False) -> str | None:
        """A non-empty string field (or None when absent and not required)."""
        value = item.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(item.line_of(key), f"{what} needs a non-empty {key!r}")
        return value.strip()

    def texts(self, item: Mapped, key: str, what: str) -> list[str]:
        """A list of non-empty strings (absent: empty list)."""
        value = item.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            reason = f"{key!r} of {what} must be a list of non-empty strings"
            raise self.fail(item.line_of(key), reason)
        return [v.strip() for v in value]

    def sector(self, item: Mapped, what: str) -> str | None:
        """An optional PLOVER sector code."""
        value = self.text(item, "sector", what)
        if value is not None and value not in SECTORS:
            raise self.fail(item.line_of("sector"), f"bad sector {value!r} in {what} (known: "
                            f"{', '.join(sorted(SECTORS))})")
        return value

    def kind(self, item: Mapped, what: str) -> str:
        """A required actor kind."""
        value = self.text(item, "kind", what, required=True)
        if value not in KINDS:
            raise self.fail(item.line_of("kind"), f"bad kind {value!r} in {what} (known: "
                            f"{', '.join(sorted(KINDS))})")
        return value

    def iso3(self, item: Mapped, key: str, what: str) -> str | None:
        """An optional ISO 3166 alpha-3 code of a known country."""
        value = item.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not _ISO3.match(value) or value not in self.countries:
            raise self.fail(item.line_of(key), f"bad ISO alpha-3 country code {value!r} in {what}")
        return value

    def number(self, item: Mapped, key: str, what: str, bounds: tuple[float, float],
               default: float | None = None) -> float:
        """A number within `bounds` (required unless a default is given)."""
        value = item.get(key)
        if value is None and default is not None:
            return default
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = None
        if number is None or not bounds[0] <= number <= bounds[1]:
            raise self.fail(item.line_of(key), f"{what} needs a number from {bounds[0]:g} to "
                            f"{bounds[1]:g} for {key!r}, got {value!r}")
        return number

    def date(self, item: Mapped, key: str, what: str) -> str | None:
        """An optional ISO date: YYYY, YYYY-MM or YYYY-MM-DD (YAML dates are accepted too)."""
        value = item.get(key)
        if value is None:
            return None
        value = str(value)
        if not _DATE.match(value) or not _real_date(value):
            raise self.fail(item.line_of(key), f"bad date {value!r} for {key!r} in {what} "
                            "(use YYYY, YYYY-MM or YYYY-MM-DD)")
        return value


    def wikidata(self, item: Mapped, what: str) -> tuple[str, str] | None:
        """An optional `wikidata: [QID, English label]` pair."""
        value = item.get("wikidata")
        if value is None:
            return None
        if (not isinstance(value, list) or len(value) != 2 or not isinstance(value[0], str)
                or not _QID.match(value[0]) or not isinstance(value[1], str)
                or not value[1].strip()):
            raise self.fail(item.line_of("wikidata"), f"'wikidata' of {what} must be "
                            f"[QID, English label], as [Q142, France], got {value!r}")
        return value[0], value[1].strip()


def _real_date(value: str) -> bool:
    try:
        date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        return False
    return True


def read(path: Path, countries: frozenset[str]) -> tuple[Mapped, Checker]:
    """Parse one knowledge-base file; check its top-level sections.

    Args:
        path: the YAML file.
        countries: every known ISO alpha-3 code, to check country fields.

    Returns:
        The parsed top-level mapping (every scalar a string) and a Checker for its items.

    Raises:
        KnowledgeError: the file is missing, not YAML, or has an unknown section.
    """
    check = Checker(path, countries)
    data = _parse(path, check, _Loader)
    check.fields(data, SECTIONS, "the file", 1)
    return data, check


def read_typed(path: Path) -> tuple[Mapped, Checker]:
    """Parse one knowledge-base file with YAML's own scalar types (numbers, booleans).

    Args:
        path: the YAML file.

    Returns:
        The parsed top-level mapping and a Checker for its items.

    Raises:
        KnowledgeError: the file is missing, not YAML, or not a mapping.
    """
    check = Checker(path, frozenset())
    data = _parse(path, check, _TypedLoader)
    check.fields(data, SECTIONS, "the file", 1)
    return data, check


def _parse(path: Path, check: Checker, loader) -> Mapped:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise check.fail(0, f"cannot read: {err}") from err
    try:
        data = yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise check.fail(line, f"not valid YAML: {getattr(err, 'problem', err)}") from err
    return Mapped() if data is None else data
