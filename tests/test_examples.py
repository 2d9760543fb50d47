"""The shipped examples run, and the regional study's layer takes effect."""

from __future__ import annotations

import runpy

import pyarrow.parquet as pq

from eventcoder.cli import main

from .conftest import ROOT

STUDY = ROOT / "examples" / "regional_study"


def test_readme_main_job_on_the_shipped_example(tmp_path, capsys):
    out = tmp_path / "events.parquet"
    assert main(["code", str(ROOT / "examples" / "stories.jsonl"), "-o", str(out), "-q"]) == 0
    assert "8 stories read" in capsys.readouterr().out
    table = pq.read_table(out)
    assert table.num_rows >= 10
    assert {"IRNGOV", "RUSGOV", "PAKCOP"} <= set(table.column("source").to_pylist())


def test_regional_study_layer(tmp_path):
    out = tmp_path / "sahel.parquet"
    assert main(["code", str(STUDY / "stories.jsonl"), "-o", str(out), "-q",
                 "--dictionaries", str(STUDY / "dictionaries")]) == 0
    table = pq.read_table(out)
    rows = {(r["story_id"], r["source"], r["target"], r["event_code"]) for r in table.to_pylist()}
    assert ("sahel-1", "BFAUAFKGW", "BFAAGR", "190") in rows      # added militia
    assert ("sahel-1", "BFAGOV", "BFAUAFKGW", "111") in rows      # added agent: the prefect
    assert ("sahel-2", "BFAUAFVDP", "BFAREB", "180") in rows      # overridden code
    assert not any(r[0] == "sahel-2" and r[3].startswith("112") for r in rows)  # removed "VDP"
    assert ("sahel-3", "MLIUAFDZO", "MLIMIL", "190") in rows
    assert b"sahel-local-study 1.0.0" in table.schema.metadata[b"dictionaries"]


def test_regional_study_validates(capsys):
    assert main(["validate", str(STUDY / "dictionaries")]) == 0
    assert "sahel-local-study 1.0.0): ok" in capsys.readouterr().out


def test_library_example_runs(capsys):
    runpy.run_path(str(ROOT / "examples" / "library_example.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "IRN -> ISR: 1124" in out and "events:" in out
