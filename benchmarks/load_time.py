"""Load time of a dictionary set, cold and warm, ready to code.

    python benchmarks/load_time.py [--runs N] [--dictionaries DIR] [FILE ...]

By default the six PETRARCH2 Phoenix files of ../shared/legacy-dictionaries. Each load
runs in a fresh Python process with ``EVENTCODER_CACHE`` pointing at a temporary folder:
the first one finds it empty (cold: the readers run and the cache is written), the
others find it filled (warm). Prints, per load, the CPU time (after the imports) to read
the files (``read_dictionary_file``), to index them (``DictionarySet.from_files``), to
match a first sentence and look up a first verb, the sum of the three (ready to code) and
the process's max RSS. Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PHOENIX = ["CAMEO.2.0.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
           "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt"]

_ONE_LOAD = """
import json, resource, sys, time, warnings
from eventcoder.dictionaries import DictionarySet
from eventcoder.dictionaries.cache import read_dictionary_file
warnings.simplefilter("ignore")
words = ("Iranian Foreign Minister Mohammad Javad Zarif accused the United States of "
         "violating the nuclear deal on Tuesday , the state news agency IRNA said .").split()
t0 = time.process_time()
files = [read_dictionary_file(p) for p in sys.argv[1:]]
t1 = time.process_time()
ds = DictionarySet.from_files(files)
t2 = time.process_time()
ds.matcher.match([w.lower() for w in words], words)
ds.verbs.get("accuse")
t3 = time.process_time()
print(json.dumps({"read": t1 - t0, "index": t2 - t1, "first": t3 - t2, "ready": t3 - t0,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", help="dictionary files (default: the Phoenix set)")
    ap.add_argument("--dictionaries", default=str(ROOT.parent / "shared" / "legacy-dictionaries"),
                    help="folder of the Phoenix files")
    ap.add_argument("--runs", type=int, default=5, help="warm loads after the cold one")
    args = ap.parse_args()
    files = args.files or [str(Path(args.dictionaries) / name) for name in PHOENIX]
    missing = [f for f in files if not Path(f).is_file()]
    if missing:
        sys.exit(f"no such file: {', '.join(missing)}")
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "EVENTCODER_CACHE": cache}
        print(f"{'load':6} {'read':>7} {'index':>7} {'first':>7} {'ready':>7} {'max RSS':>8}")
        for run in range(args.runs + 1):
            out = subprocess.run([sys.executable, "-c", _ONE_LOAD, *files], env=env, cwd=ROOT,
                                 check=True, capture_output=True, text=True).stdout
            t = json.loads(out.strip().splitlines()[-1])
            print(f"{'cold' if run == 0 else 'warm':6} {t['read']:6.3f}s {t['index']:6.3f}s "
                  f"{t['first']:6.3f}s {t['ready']:6.3f}s {t['rss']:5.0f} MiB")


if __name__ == "__main__":
    main()
