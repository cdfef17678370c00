"""The gold format (docs/gold-format.md): one JSON file per article, `<doc_id>.json`."""

from __future__ import annotations

import json
from pathlib import Path

from vigie.errors import VigieError

COMPONENTS = ("actors", "quotes", "figures", "places", "times", "events")


def load_gold(directory: str | Path) -> dict[str, dict]:
    """Every gold record in `directory`, by doc_id.

    Raises:
        VigieError: a file that is not valid JSON or not a gold record (named in the message).
    """
    gold = {}
    for path in sorted(Path(directory).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise VigieError(f"[V050] {path}: line {exc.lineno}: {exc.msg}") from None
        if not isinstance(data, dict):
            raise VigieError(f"[V051] {path}: a gold record is a JSON object")
        for key in COMPONENTS:
            if not isinstance(data.get(key, []), list):
                raise VigieError(f"[V051] {path}: '{key}' must be a list")
        gold[str(data.get("doc_id") or path.stem)] = data
    if not gold:
        raise VigieError(f"[V052] {directory}: no gold records (*.json)")
    return gold


def alternatives(value) -> list[str]:
    """A gold name field as a list of acceptable alternatives (str, list or null)."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]
