"""The CAMEO 1.1b3 event taxonomy: code -> name, root, quad class, Goldstein value.

Quad classes follow the usual rule on the root code: 01-05 verbal cooperation (1),
06-08 material cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import attrs

__all__ = ["EventType", "event_type", "event_types", "is_event_code", "quad_class"]

QUAD_LABELS = {1: "Verbal Cooperation", 2: "Material Cooperation",
               3: "Verbal Conflict", 4: "Material Conflict"}


def quad_class(root: str) -> int:
    """Return the quad class (1-4) of a two-digit CAMEO root code."""
    n = int(root)
    if not 1 <= n <= 20:
        raise ValueError(f"not a CAMEO root code: {root!r}")
    if n <= 5:
        return 1
    if n <= 8:
        return 2
    if n <= 13:
        return 3
    return 4


@attrs.frozen
class EventType:
    """One CAMEO event code and its facts."""

    code: str
    name: str
    goldstein: float

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        return quad_class(self.root)


@cache
def event_types() -> dict[str, EventType]:
    """All CAMEO event codes, keyed by code (strings with leading zeros)."""
    text = resources.files("eventcoder.data").joinpath("cameo_codes.tsv").read_text("utf-8")
    table: dict[str, EventType] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("code\t"):
            continue
        code, name, goldstein = line.split("\t")
        table[code] = EventType(code, name, float(goldstein))
    return table


def is_event_code(code: str) -> bool:
    """True if ``code`` is a CAMEO event code (root codes included)."""
    return code in event_types()


def event_type(code: str) -> EventType:
    """The :class:`EventType` of ``code``; ``KeyError`` if it is not a CAMEO code."""
    return event_types()[code]
