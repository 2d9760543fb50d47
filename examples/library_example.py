"""Code the shipped example stories with the library and look at the events.

    python examples/library_example.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pyarrow.parquet as pq

from eventcoder import Coder
from eventcoder.io import EventWriter, Rejected, read_stories

HERE = Path(__file__).resolve().parent


def main() -> None:
    coder = Coder()
    for e in coder.code_story("Iran accused Israel of war crimes.", date="2024-01-10"):
        print(f"{e.source} -> {e.target}: {e.event_code} {e.event_name} (rule {e.rule})")

    stories = [s for s in read_stories(HERE / "stories.jsonl") if not isinstance(s, Rejected)]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "events.parquet"
        with EventWriter(out) as writer:
            for result in coder.code_stories(stories):
                writer.write(result.events)
        table = pq.read_table(out, columns=["story_id", "source", "target", "event_code", "verb_text"])
        for row in table.to_pylist():
            print(row)

    print(coder.explain("Kabul rejected the claims by Islamabad.", date="2023-01-05"))


if __name__ == "__main__":
    main()
