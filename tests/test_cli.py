"""The command line on real files, the way a researcher runs it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from eventcoder.cli import main

from .conftest import ROOT, TEST_DICTS

DICT_ARGS = ["--no-default-dictionaries", "-d", str(TEST_DICTS), "-q"]


@pytest.fixture
def stories(tmp_path):
    p = tmp_path / "stories.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a", "date": "2023-05-01", "text": "Iran accused Israel of war crimes. "
                                                           "Russia and China condemned the U.S."}),
        json.dumps({"id": "b", "date": "2023-05-02", "text": "The weather was fine."}),
        "{broken",
        json.dumps({"id": "c", "date": "not a date", "text": "Iran accused Israel."}),
        json.dumps({"id": "d", "date": "20230503", "text": "Russia threatened to attack Ukraine."}),
    ]) + "\n")
    return p


def test_code_writes_events_and_reconciles(stories, tmp_path, capsys):
    out = tmp_path / "events.parquet"
    assert main(["code", str(stories), "-o", str(out), *DICT_ARGS]) == 0
    summary = capsys.readouterr().out
    m = re.search(r"(\d+) stories read: (\d+) with events, (\d+) without events, (\d+) rejected; "
                  r"(\d+) events", summary)
    assert m, summary
    read, with_ev, without, rejected, n_events = map(int, m.groups())
    assert (read, with_ev, without, rejected, n_events) == (5, 2, 1, 2, 4)
    assert read == with_ev + without + rejected
    table = pq.read_table(out)
    assert table.num_rows == 4
    rows = table.to_pylist()
    assert [(r["story_id"], r["source"], r["target"], r["event_code"]) for r in rows] == [
        ("a", "IRN", "ISR", "1124"), ("a", "RUS", "USA", "111"), ("a", "CHN", "USA", "111"),
        ("d", "RUS", "UKR", "138")]
    assert str(rows[0]["date"]) == "2023-05-01"
    meta = table.schema.metadata
    assert meta[b"spacy_model"].startswith(b"en_core_web_sm")
    assert b"eventcoder-test 1" in meta[b"dictionaries"]
    errors = [json.loads(line) for line in Path(str(out) + ".errors.jsonl").read_text().splitlines()]
    assert [(e["position"], e["id"]) for e in errors] == [(3, None), (4, "c")]
    assert all(e["path"] == str(stories) and e["reason"] for e in errors)


def test_an_event_told_again_is_written_once_unless_every_telling_is_asked(tmp_path):
    p = tmp_path / "told_twice.jsonl"
    p.write_text(json.dumps({"id": "t", "date": "2023-05-01", "text": (
        "Iran accused Israel of war crimes on Monday. Russia condemned Britain. "
        "Iran accused Israel of war crimes, the foreign ministry said.")}) + "\n")
    once, every = tmp_path / "once.parquet", tmp_path / "every.parquet"
    assert main(["code", str(p), "-o", str(once), *DICT_ARGS]) == 0
    assert main(["code", str(p), "-o", str(every), "--every-telling", *DICT_ARGS]) == 0
    rows = [(r["sentence_index"], r["event_code"]) for r in pq.read_table(once).to_pylist()]
    assert rows == [(0, "1124"), (1, "111")]
    rows = [(r["sentence_index"], r["event_code"]) for r in pq.read_table(every).to_pylist()]
    assert rows == [(0, "1124"), (1, "111"), (2, "1124")]


def test_same_input_same_rows(stories, tmp_path):
    a, b = tmp_path / "a.parquet", tmp_path / "b.parquet"
    main(["code", str(stories), "-o", str(a), *DICT_ARGS])
    main(["code", str(stories), "-o", str(b), *DICT_ARGS])
    assert pq.read_table(a).equals(pq.read_table(b))


def test_several_inputs_and_formats(tmp_path, capsys):
    (tmp_path / "s.csv").write_text('id,date,text\nx1,2023-01-01,"Iran accused Israel."\n')
    (tmp_path / "s2.txt").write_text("Russia threatened to attack Ukraine.\n")
    out = tmp_path / "o.parquet"
    errors = tmp_path / "errs.jsonl"
    assert main(["code", str(tmp_path / "s.csv"), str(tmp_path / "s2.txt"), "-o", str(out),
                 "--errors", str(errors), *DICT_ARGS]) == 0
    assert "2 stories read: 2 with events, 0 without events, 0 rejected" in capsys.readouterr().out
    assert pq.read_table(out).column("story_id").to_pylist() == ["x1", "s2"]
    assert errors.read_text() == ""


def test_bad_dictionary_is_a_clear_error(tmp_path, stories, capsys):
    bad = tmp_path / "bad.verbs.txt"
    bad.write_text("042: visit\n999: nothing\n")
    status = main(["code", str(stories), "-o", str(tmp_path / "o.parquet"), "-d", str(bad), "-q"])
    assert status == 1
    err = capsys.readouterr().err
    assert f"{bad}:2: unknown CAMEO event code '999'" in err
    assert not (tmp_path / "o.parquet").exists()


def test_missing_output_folder(tmp_path, stories, capsys):
    status = main(["code", str(stories), "-o", str(tmp_path / "no" / "o.parquet"), *DICT_ARGS])
    assert status == 1
    assert "does not exist" in capsys.readouterr().err


def test_explain_command(capsys):
    assert main(["explain", "Iran accused Israel of war crimes.", "--date", "2024-01-10",
                 "--no-default-dictionaries", "-d", str(TEST_DICTS)]) == 0
    out = capsys.readouterr().out
    assert "IRN -> ISR 1124" in out and "parse:" in out


def test_frames_flag_layers_the_shipped_frames_under_dictionaries_that_have_none(tmp_path, capsys):
    """PETRARCH-style dictionaries have no frames: "urged Iran to hold talks" is an appeal
    (026) only with --frames."""
    verbs = tmp_path / "plain.verbs.txt"
    verbs.write_text("046: hold talks with +\n", encoding="utf-8")
    args = ["explain", "Russia urged Iran to hold talks.", "--date", "2024-01-10",
            "--no-default-dictionaries", "-d", str(TEST_DICTS / "test.actors.txt"), "-d", str(verbs)]
    assert main(args) == 0
    assert "RUS -> IRN 026" not in capsys.readouterr().out
    assert main([*args, "--frames"]) == 0
    assert "RUS -> IRN 026" in capsys.readouterr().out


def test_clear_cache_from_the_command_line(tmp_path, monkeypatch, capsys):
    """`eventcoder dictionaries clear-cache [--stale]` empties the cache folder, or only
    the entries that can no longer be used."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("EVENTCODER_CACHE", str(folder))
    keep = tmp_path / "keep.verbs.txt"
    gone = tmp_path / "gone.verbs.txt"
    keep.write_text("111: condemn\n", encoding="utf-8")
    gone.write_text("112: accuse\n", encoding="utf-8")
    assert main(["validate", str(keep), str(gone)]) == 0
    assert len(list(folder.glob("*.dict.pickle"))) == 2
    gone.unlink()
    capsys.readouterr()
    assert main(["dictionaries", "clear-cache", "--stale"]) == 0
    assert "1 stale cache entry deleted" in capsys.readouterr().out
    assert len(list(folder.glob("*.dict.pickle"))) == 1
    assert main(["dictionaries", "clear-cache"]) == 0
    assert "1 cache entry deleted" in capsys.readouterr().out
    assert not list(folder.glob("*.dict.pickle"))


def test_dictionary_stats(capsys):
    assert main(["dictionaries", "stats", "--no-default-dictionaries", "-d", str(TEST_DICTS)]) == 0
    out = capsys.readouterr().out
    assert "actor phrases: 28" in out
    assert re.search(r"11 DISAPPROVE +6 patterns, 3/12 codes", out)


def test_installed_console_script(stories, tmp_path):
    exe = ROOT / ".venv" / "bin" / "eventcoder"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "eventcoder"]
    out = tmp_path / "o.parquet"
    proc = subprocess.run([*cmd, "code", str(stories), "-o", str(out), *DICT_ARGS],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "5 stories read" in proc.stdout and out.exists()
