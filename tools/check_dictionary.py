"""Check dictionary files or folders without the full CLI: python tools/check_dictionary.py PATH..."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eventcoder.dictionaries.registry import read_layer  # noqa: E402
from eventcoder.errors import EventCoderError  # noqa: E402

status = 0
for spec in sys.argv[1:]:
    try:
        files, _ = read_layer(spec)
        print(f"{spec}: ok, {sum(len(f.entries) for f in files)} entries")
    except EventCoderError as exc:
        print(exc)
        status = 1
raise SystemExit(status)
