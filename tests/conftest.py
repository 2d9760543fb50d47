"""Shared fixtures: the spaCy model is loaded once per test run."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
TEST_DICTS = DATA / "dicts"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from eventcoder.parse import load_model

    return load_model()


@pytest.fixture(scope="session")
def test_coder(nlp):
    """A coder over the small test dictionaries only (independent of the shipped ones)."""
    from eventcoder import Coder

    return Coder([TEST_DICTS], default_dictionaries=False, model=nlp)


@pytest.fixture(scope="session")
def coder(nlp):
    """A coder over the shipped dictionaries, as a researcher gets it."""
    from eventcoder import Coder

    return Coder(model=nlp)


def triples(events):
    return sorted((e.source, e.target, e.event_code) for e in events)
