from __future__ import annotations

import datetime as dt
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventcoder.errors import InputError
from eventcoder.io import EventWriter, Rejected, parse_date, read_events, read_stories
from eventcoder.io.parquet import SCHEMA
from eventcoder.model import Event, Story


def test_parse_date_formats():
    assert parse_date("2023-05-01") == dt.date(2023, 5, 1)
    assert parse_date("20230501") == dt.date(2023, 5, 1)
    assert parse_date("2023-05-01T10:00:00Z") == dt.date(2023, 5, 1)
    assert parse_date(20230501) == dt.date(2023, 5, 1)
    for bad in ("May 1 2023", "2023-13-01", "2023-02-30", ""):
        with pytest.raises(ValueError):
            parse_date(bad)


def test_jsonl_bad_records_are_rejected_not_lost(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a", "date": "2023-01-01", "text": "Iran accused Israel.", "extra": 1}),
        "{not json",
        json.dumps({"date": "2023-01-01", "text": "no id"}),
        json.dumps({"id": "c", "text": ""}),
        json.dumps({"id": "d", "date": "yesterday", "text": "Bad date."}),
        json.dumps(["a", "list"]),
        json.dumps({"id": 7, "date": "20230102", "text": "Numeric id.", "title": "T"}),
    ]) + "\n")
    items = list(read_stories(p))
    stories = [i for i in items if isinstance(i, Story)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert [s.id for s in stories] == ["a", "7"]
    assert stories[1].date == dt.date(2023, 1, 2) and stories[1].title == "T"
    assert [(r.position, r.record_id) for r in rejected] == [
        (2, None), (3, None), (4, "c"), (5, "d"), (6, None)]
    assert "invalid JSON" in rejected[0].reason
    assert "missing 'id'" in rejected[1].reason
    assert "unparseable date 'yesterday'" in rejected[3].reason
    assert all(r.path == str(p) for r in rejected)


def test_csv_tsv_parquet_and_text(tmp_path):
    (tmp_path / "in.csv").write_text('id,date,text\n1,2023-01-01,"Iran accused Israel, again."\n2,bad,x\n')
    (tmp_path / "in.tsv").write_text("id\tdate\ttext\nt1\t20230101\tIran accused Israel.\n")
    pq.write_table(pa.table({"id": ["p1"], "date": ["2023-01-01"], "text": ["Iran accused Israel."]}),
                   tmp_path / "in.parquet")
    (tmp_path / "story-9.txt").write_text("Iran accused Israel.\n")
    csv_items = list(read_stories(tmp_path / "in.csv"))
    assert csv_items[0] == Story("1", "Iran accused Israel, again.", dt.date(2023, 1, 1))
    assert isinstance(csv_items[1], Rejected) and csv_items[1].position == 3
    assert next(iter(read_stories(tmp_path / "in.tsv"))).id == "t1"
    assert next(iter(read_stories(tmp_path / "in.parquet"))).id == "p1"
    (txt,) = read_stories(tmp_path / "story-9.txt")
    assert txt.id == "story-9" and txt.date is None


def test_unknown_format_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match=r"unknown input format '\.xml'"):
        list(read_stories(tmp_path / "x.xml"))


def _event(**kw):
    base = dict(story_id="s", sentence_index=0, sentence="Iran accused Israel.", date=dt.date(2023, 1, 1),
                source="IRN", source_text="Iran", target="ISR", target_text="Israel", event_code="0214",
                verb_text="accused", rule="x.verbs.txt:3", verb_index=1)
    base.update(kw)
    return Event(**base)


def test_parquet_schema_types_and_metadata(tmp_path):
    out = tmp_path / "e.parquet"
    with EventWriter(out, {"eventcoder_version": "0.1.0", "spacy_model": "en_core_web_sm"}) as w:
        w.write([_event(), _event(sentence_index=1)])
    table = pq.read_table(out)
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("sentence_index").type == pa.int32()
    assert table.schema.field("goldstein").type == pa.float64()
    assert table.column("event_code").to_pylist() == ["0214", "0214"]
    assert table.column("event_root").to_pylist() == ["02", "02"]
    meta = table.schema.metadata
    assert meta[b"eventcoder_version"] == b"0.1.0" and meta[b"spacy_model"] == b"en_core_web_sm"
    assert [f.name for f in table.schema] == [f.name for f in SCHEMA]
    assert read_events(out) == [_event(), _event(sentence_index=1)]


def test_writer_is_atomic(tmp_path):
    out = tmp_path / "e.parquet"
    with pytest.raises(RuntimeError), EventWriter(out) as w:
        w.write([_event()])
        raise RuntimeError("interrupted")
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_event_rejects_bad_codes():
    with pytest.raises(ValueError):
        _event(event_code="19a")
    with pytest.raises(ValueError):
        _event(event_code="12345")
    with pytest.raises(ValueError):
        _event(source="iran")


def test_event_id_is_stable_and_distinct():
    assert _event().event_id == _event().event_id
    assert _event().event_id != _event(sentence_index=1).event_id


def test_non_cameo_codes_of_legacy_dictionaries_have_no_cameo_facts():
    e = _event(event_code="212")
    assert (e.event_root, e.event_name, e.quad_class, e.goldstein) == ("21", None, None, None)
