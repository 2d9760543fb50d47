"""`eventcoder evaluate` on gold records (the validation suite's format)."""

from __future__ import annotations

import json
from collections import Counter

from eventcoder.cli import main
from eventcoder.evaluate import Score

from .conftest import TEST_DICTS

RECORDS = [
    {"id": "r1", "date": "2023-05-01", "category": "A", "text": "Iran accused Israel of war crimes.",
     "expected": [{"source": "IRN", "target": "ISR", "code": "1124"}]},
    {"id": "r2", "date": "20230501", "category": "A", "text": "Russia attacked Ukraine.",
     "expected": [{"source": "RUS", "target": "UKR", "code": "190"},
                  {"source": "RUS", "target": "CHN", "code": "190"}]},
    {"id": "r3", "date": "2023-05-01", "category": "B", "text": "Russia did not attack Ukraine.",
     "expected": [], "expect_no_event": True},
    {"id": "r4", "date": "2023-05-01", "category": "B", "text": "Iran accused Israel.",
     "expected": [{"source": "IRN", "target": "ISR", "code": "111"}]},
    {"id": "r5", "date": "2023-05-01", "category": "B", "text": "Iran accused Israel.",
     "expected": [], "run_by_default": False},
    {"id": "r6", "date": "2023-05-01", "category": "C", "text": "Iran criticised the weather.",
     "expected": [{"source": "IRN", "target": "", "code": "111"}], "config": {"require_dyad": False}},
]


def test_score_counts_multisets():
    s = Score()
    s.add(Counter({("A", "B", "190"): 2}), Counter({("A", "B", "190"): 1, ("A", "B", "193"): 1}))
    assert (s.expected, s.predicted, s.found, s.extra, s.found_root, s.fully_right) == (2, 2, 1, 1, 2, 0)


def test_evaluate_command(tmp_path, capsys):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n")
    pred = tmp_path / "pred.jsonl"
    status = main(["evaluate", str(path), "--no-default-dictionaries", "-d", str(TEST_DICTS),
                   "--predictions", str(pred), "--json"])
    assert status == 0
    scores = json.loads(capsys.readouterr().out)
    total = scores["total"]
    # r1 right, r2 one of two found, r3 right (no event), r4 wrong code, r6 right without dyad
    assert (total["records"], total["fully_right"], total["expected_events"], total["found"],
            total["extra"]) == (5, 3, 5, 3, 1)
    assert scores["categories"]["B"]["records"] == 2
    lines = [json.loads(x) for x in pred.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["r1", "r2", "r3", "r4", "r6"]
    assert lines[0]["right"] and lines[0]["predicted"][0]["rule"].endswith("test.verbs.txt:2")


def test_evaluate_table_and_all_records(tmp_path, capsys):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n")
    assert main(["evaluate", str(path), "--all", "--no-default-dictionaries", "-d", str(TEST_DICTS)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].split()[:3] == ["TOTAL", "6", "3"]  # r5 expects no event


def test_bad_record_names_its_line(tmp_path, capsys):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(RECORDS[0]) + "\n{oops\n")
    assert main(["evaluate", str(path), "--no-default-dictionaries", "-d", str(TEST_DICTS)]) == 1
    assert f"{path}:2: invalid JSON" in capsys.readouterr().err


def test_a_record_the_coder_fails_on_is_a_miss_not_the_end_of_the_run(test_coder, monkeypatch):
    import io
    import json

    import eventcoder.evaluate as ev

    real = ev.code_sentences

    def flaky(sentences, story, *args, **kwargs):
        if "boom" in story.text:
            raise RuntimeError("boom")
        return real(sentences, story, *args, **kwargs)

    monkeypatch.setattr(ev, "code_sentences", flaky)
    records = [
        {"id": "a", "text": "Iran accused Israel.", "date": "2023-01-01",
         "expected": [{"source": "IRN", "target": "ISR", "code": "112"}]},
        {"id": "b", "text": "boom", "date": "2023-01-01", "expected": []},
    ]
    out = io.StringIO()
    scores = ev.evaluate(test_coder, records, predictions=out)
    assert scores["total"]["records"] == 2 and scores["total"]["errors"] == 1
    assert scores["total"]["fully_right"] == 1
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows[1]["error"].startswith("internal error while coding: RuntimeError")
