"""The PETRARCH validation suite, run with its own legacy dictionaries.

Skipped when ../shared (the suite and its dictionaries) is absent. The thresholds are
the level reached; the test fails if the engine or the legacy readers fall below it.
"""

from __future__ import annotations

import warnings

import pytest

from .conftest import SHARED

SUITE = SHARED / "conformance"
pytestmark = pytest.mark.skipif(not (SUITE / "validation_2_02.jsonl").exists(),
                                reason="../shared/conformance is absent")

FOUND_AT_LEAST = 0.79
EXTRA_AT_MOST = 0.135


@pytest.fixture(scope="module")
def scores(nlp):
    from eventcoder import Coder
    from eventcoder.evaluate import evaluate, read_records

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        files = [SUITE / f"PETR_Validate_{k}_2_02.txt" for k in ("verbs", "actors", "agents", "discards")]
        coder = Coder(files, default_dictionaries=False, model=nlp)
    return evaluate(coder, read_records(SUITE / "validation_2_02.jsonl"))


def test_suite_score_does_not_drop(scores):
    total = scores["total"]
    print(f"\nvalidation suite: {total}")
    assert total["records"] == 245
    assert total["found_rate"] >= FOUND_AT_LEAST
    assert total["extra_rate"] <= EXTRA_AT_MOST
