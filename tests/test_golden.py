"""Golden sentences: text, date and the events a careful CAMEO coder gives, as data.

Every ``tests/data/golden_*.jsonl`` file with ``expected`` event lists is run with the
shipped dictionaries. A record with ``"xfail": "reason"`` documents a known limitation;
it is a strict xfail, so it fails the run once it starts passing.
"""

from __future__ import annotations

import json

import pytest

from .conftest import DATA, triples

FILES = ["golden_core.jsonl", "golden_verbs.jsonl", "golden_countries.jsonl", "golden_people.jsonl",
         "golden_groups.jsonl"]


def _records():
    out = []
    for name in FILES:
        path = DATA / name
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            marks = [pytest.mark.xfail(reason=rec["xfail"], strict=True)] if rec.get("xfail") else []
            out.append(pytest.param(rec, id=f"{name}:{number}", marks=marks))
    return out


RECORDS = _records()


@pytest.mark.parametrize("record", RECORDS)
def test_golden(coder, record):
    events = coder.code_story(record["text"], date=record["date"])
    expected = sorted((e["source"], e["target"], e["code"]) for e in record["expected"])
    assert triples(events) == expected, record.get("note", "")


def test_golden_set_is_large_enough():
    assert len(RECORDS) >= 60
