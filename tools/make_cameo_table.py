"""Regenerate eventcoder/data/cameo_codes.tsv from a CAMEO codebook table.

The codebook facts (code, name, Goldstein value) are public; this script only
selects and normalises the columns eventcoder uses. Run it when the codebook
table changes:

    python tools/make_cameo_table.py ../shared/reference/cameo_eventcodes.tsv
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "eventcoder" / "data" / "cameo_codes.tsv"


def main(source: str) -> None:
    with open(source, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    with open(OUT, "w", newline="", encoding="utf-8") as out:
        out.write("# CAMEO 1.1b3 event codes: code, name, Goldstein value (GDELT scale;\n"
                  "# ICEWS or the parent code where GDELT has none).\n")
        out.write("code\tname\tgoldstein\n")
        goldstein: dict[str, float] = {}
        for row in rows:
            if row.get("in_cameo_superset", "1") != "1":
                continue
            code = row["code"]
            # A code without a GDELT value takes the ICEWS one, else its parent's.
            value = row["goldstein"] or row.get("goldstein_icews", "")
            goldstein[code] = float(value) if value else goldstein[code[:-1]]
            out.write(f"{code}\t{row['name'].strip()}\t{goldstein[code]:.1f}\n")


if __name__ == "__main__":
    main(sys.argv[1])
