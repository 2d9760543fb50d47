"""Score the coder against records with expected events (gold data, validation suites).

A record is a JSON object with ``text``, ``date`` and ``expected``, a list of
``{source, target, code}``; optional ``id``, ``category``, ``config`` (coder options for
that record, e.g. ``{"require_dyad": false}``), ``run_by_default`` (records with ``false``
are skipped unless all are asked for) and ``expect_no_event``. The format is that of the
PETRARCH validation suite, so researchers can score their own gold data the same way.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from .coder import Coder, CoderOptions, code_sentences
from .errors import InputError
from .io.readers import parse_date
from .model import Story
from .text import story_body

__all__ = ["Score", "evaluate", "read_records"]

# Options of the PETRARCH suite that eventcoder applies (CoderOptions); the other one
# that appears, new_actor_length, steers PETRARCH's detection of unknown actors and has
# no counterpart here.
APPLIED_OPTIONS = {"require_dyad", "comma_bmin", "comma_bmax", "comma_min", "comma_max",
                   "comma_emin", "comma_emax"}
# PETRARCH's default configuration (PETR_config.ini) for the options above: what the
# validation suite's records assume when their "config" does not say otherwise.
PETRARCH_DEFAULTS = {"comma_min": 2, "comma_max": 8, "comma_bmin": 0, "comma_bmax": 0,
                     "comma_emin": 2, "comma_emax": 8}


@attrs.define
class Score:
    """Counts for a set of records; ``found``/``extra`` compare multisets of triples."""

    records: int = 0
    fully_right: int = 0
    expected: int = 0
    predicted: int = 0
    found: int = 0
    found_root: int = 0
    errors: int = 0  # records the coder failed on (counted as coded with no event)

    @property
    def extra(self) -> int:
        return self.predicted - self.found

    def add(self, expected: Counter, predicted: Counter, error: bool = False) -> None:
        self.records += 1
        self.errors += error
        self.expected += sum(expected.values())
        self.predicted += sum(predicted.values())
        hit = expected & predicted
        self.found += sum(hit.values())
        roots_e = Counter((s, t, c[:2]) for (s, t, c), n in expected.items() for _ in range(n))
        roots_p = Counter((s, t, c[:2]) for (s, t, c), n in predicted.items() for _ in range(n))
        self.found_root += sum((roots_e & roots_p).values())
        if expected == predicted and not error:
            self.fully_right += 1

    def as_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0
        recall, precision = ratio(self.found, self.expected), ratio(self.found, self.predicted)
        rr, rp = ratio(self.found_root, self.expected), ratio(self.found_root, self.predicted)
        return {
            "records": self.records, "fully_right": self.fully_right, "errors": self.errors,
            "fully_right_rate": ratio(self.fully_right, self.records),
            "expected_events": self.expected, "predicted_events": self.predicted,
            "found": self.found, "found_rate": recall,
            "extra": self.extra, "extra_rate": ratio(self.extra, self.predicted),
            "precision": precision, "recall": recall,
            "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
            "root_f1": round(2 * rp * rr / (rp + rr), 4) if rp + rr else 0.0,
        }


def read_records(path: str | Path, include_all: bool = False) -> Iterator[dict[str, Any]]:
    """Records of a JSONL gold file; a bad line raises :class:`InputError` naming it."""
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"invalid JSON: {exc.msg}", str(path), number) from None
            if not isinstance(rec, dict) or "text" not in rec \
                    or not isinstance(rec.get("expected", []), list):
                raise InputError("a record needs 'text' and a list 'expected'", str(path), number)
            if not include_all and rec.get("run_by_default") is False:
                continue
            rec.setdefault("id", f"{Path(path).name}:{number}")
            yield rec


def _options(base: CoderOptions, config: dict[str, Any]) -> CoderOptions:
    changes = {k: v for k, v in config.items() if k in APPLIED_OPTIONS}
    return attrs.evolve(base, **changes) if changes else base


def evaluate(coder: Coder, records: Iterable[dict[str, Any]],
             predictions: Any | None = None, base_config: dict[str, Any] | None = None) -> dict[str, Any]:
    """Code every record, compare with its expected events, return the scores.

    ``predictions``, a writable text file, receives one JSON line per record with the
    predicted events next to the expected ones. ``base_config`` holds options for every
    record (such as :data:`PETRARCH_DEFAULTS`), under each record's own ``config``.
    """
    base = _options(coder.options, base_config or {})
    total = Score()
    per_category: dict[str, Score] = {}
    recs = list(records)
    parsed = coder.parser.parse_many(story_body(r["text"]) for r in recs)
    for rec, sentences in zip(recs, parsed, strict=True):
        date = parse_date(rec["date"]) if rec.get("date") else None
        story = Story(str(rec["id"]), rec["text"], date)
        error = None
        try:
            events, _ = code_sentences(sentences, story, coder.dicts,
                                       _options(base, rec.get("config") or {}))
        except Exception as exc:  # one record's failure is a miss, never the end of the run
            events, error = [], f"internal error while coding: {type(exc).__name__}: {exc}"
        predicted = Counter((e.source, e.target, e.event_code) for e in events)
        expected = Counter((e["source"], e["target"], e["code"]) for e in rec.get("expected") or [])
        total.add(expected, predicted, error is not None)
        per_category.setdefault(str(rec.get("category") or "all"), Score()).add(
            expected, predicted, error is not None)
        if predictions is not None:
            predictions.write(json.dumps({
                "id": rec["id"], "category": rec.get("category"), "text": rec["text"],
                "expected": [dict(zip(("source", "target", "code"), k, strict=True))
                             for k in sorted(expected.elements())],
                "predicted": [{"source": e.source, "target": e.target, "code": e.event_code,
                               "verb": e.verb_text, "rule": e.rule} for e in events],
                "right": expected == predicted and error is None,
                **({"error": error} if error else {})}, ensure_ascii=False) + "\n")
    return {"total": total.as_dict(),
            "categories": {k: v.as_dict() for k, v in sorted(per_category.items())}}
