"""A compiled cache of dictionary files: parse once, load in a fraction of the time.

:func:`load_cached` stores what a reader returned for a file (a
:class:`~.native.DictionaryFile`, and the warnings the reader issued) in a cache folder and
returns the stored copy while the file is unchanged. A cache entry is keyed by the file's
absolute path, the kind, strict mode and the reader, and is valid only for the same file
size, modification time (nanoseconds), eventcoder version and reader version; any change
re-reads the file and replaces the entry.

The folder is ``$EVENTCODER_CACHE`` if set, else ``$XDG_CACHE_HOME/eventcoder`` or
``~/.cache/eventcoder``; it is created when needed. When it cannot be created or written
(a read-only home, a sandbox), dictionaries are read without a cache; a damaged entry is
ignored and rewritten. ``EVENTCODER_CACHE=off`` (or ``0``, ``none``) disables the cache.

Entries are Python pickles: only the user's own cache folder is read, never a path from a
dictionary or from input data.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import itertools
import operator
import os
import pickle
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs

from .._gc import gc_paused
from ..errors import DictionaryError
from ..model import DatedCode, SourceLocation
from .entries import (
    ActorEntry,
    AgentEntry,
    DiscardEntry,
    FrameMap,
    FramePattern,
    Removal,
    VerbPattern,
)
from .native import DictionaryFile, kind_of_path, read_native

__all__ = ["CACHE_ENV", "LazyPatternFile", "cache_dir", "clear_cache", "load_cached",
           "read_dictionary_file"]

CACHE_ENV = "EVENTCODER_CACHE"
FORMAT = 2  # bump when the layout of a cache entry changes
_OFF = {"", "0", "off", "none", "false", "no"}
NATIVE_KINDS = ("verbs", "actors", "agents", "discards")

Reader = Callable[[Path, "str | None", bool], DictionaryFile]


def cache_dir(create: bool = True) -> Path | None:
    """The cache folder (created if ``create``), or ``None`` if caching is off or impossible."""
    env = os.environ.get(CACHE_ENV)
    if env is not None:
        if env.strip().lower() in _OFF:
            return None
        folder = Path(env).expanduser()
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(base).expanduser() / "eventcoder"
    if create:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        if not os.access(folder, os.W_OK | os.X_OK):
            return None
    return folder


def clear_cache(stale_only: bool = False) -> int:
    """Delete every cache entry, or with ``stale_only`` those that can no longer be used:
    their dictionary file is gone, or they were written by other eventcoder code (another
    version or reader); return how many were deleted."""
    folder = cache_dir(create=False)
    if folder is None or not folder.is_dir():
        return 0
    n = 0
    for p in folder.glob("*.dict.pickle"):
        if stale_only and not _stale(p):
            continue
        try:
            p.unlink()
            n += 1
        except OSError:
            pass
    return n


def _header(entry: Path) -> dict | None:
    """The header of a cache entry (the first of its two pickles), or None."""
    try:
        with entry.open("rb") as f:
            header = pickle.load(f)
    except Exception:  # damaged or foreign
        return None
    return header if isinstance(header, dict) else None


def _writer(header: dict) -> tuple:
    """What wrote a cache entry: the entry format, the eventcoder version, the code."""
    return header.get("format"), header.get("version"), header.get("code")


def _stale(entry: Path) -> bool:
    header = _header(entry)
    if header is None or _writer(header) != (FORMAT, _version(), _code_fingerprint()):
        return True
    try:
        return _stat_key(Path(str(header.get("path")))) != (header.get("size"), header.get("mtime_ns"))
    except OSError:
        return True  # the dictionary file is gone


def _version() -> str:
    from .. import __version__  # at call time: no import cycle

    return __version__


@functools.cache
def _code_fingerprint() -> str:
    """A digest of the modules that shape a cached entry (readers, entries, model), so
    that any change of their code, not only a new release, invalidates the cache."""
    from .. import model  # at call time: no import cycle
    from . import entries, legacy, native, phrases

    digest = hashlib.sha256()
    for module in (model, phrases, entries, native, legacy, sys.modules[__name__]):
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:
            digest.update(repr(module).encode())
    for cls in (*_ENTRY_CLASSES, SourceLocation, DatedCode, DictionaryFile):
        digest.update(repr(_slots(cls)).encode())
    return digest.hexdigest()[:16]


def _reader_token(reader: Callable) -> str:
    name = f"{getattr(reader, '__module__', '?')}.{getattr(reader, '__qualname__', repr(reader))}"
    token = getattr(reader, "cache_token", None)
    if callable(token):
        token = token()
    return f"{name}:{token or ''}"


def _entry_path(folder: Path, path: Path, kind: str | None, strict: bool, token: str) -> Path:
    ident = "\0".join((str(path), str(kind), str(bool(strict)), token))
    digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    stem = "".join(c if c.isalnum() or c in "._-" else "_" for c in path.name)[:60]
    return folder / f"{stem}-{digest}.dict.pickle"


# -- fast pickling --------------------------------------------------------------------
# The default pickling of attrs slotted classes restores each object through a Python
# __setstate__ (~3.5 us per object), and calling the class runs its converters and
# ``__attrs_post_init__`` again. Here a DictionaryFile is stored as runs of entries of one
# class, column by column over every slot (derived fields such as VerbPattern.words
# included), and rebuilt by a builder generated per class that sets the slots directly:
# the values were valid when they were stored. Shared objects (a SourceLocation of a
# pattern line, a tuple of DatedCodes of an actor block, the word sets of a pattern's
# elements) stay shared through the pickle memo.

_ENTRY_CLASSES: tuple[type, ...] = (ActorEntry, AgentEntry, DiscardEntry, VerbPattern,
                                    FramePattern, FrameMap, Removal)
_FIELDS: dict[type, tuple[str, ...]] = {}
_SLOTS: dict[type, tuple[str, ...]] = {}
_BUILDERS: dict[type, Callable[..., Any]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    """The fields a class is called with."""
    got = _FIELDS.get(cls)
    if got is None:
        got = _FIELDS[cls] = tuple(a.name for a in attrs.fields(cls) if a.init)
    return got


def _slots(cls: type) -> tuple[str, ...]:
    """Every field of a class, derived ones too: what a stored entry holds."""
    got = _SLOTS.get(cls)
    if got is None:
        got = _SLOTS[cls] = tuple(a.name for a in attrs.fields(cls))
    return got


def _builder(cls: type) -> Callable[..., Any]:
    """A function of the slots' values in order that makes an instance of ``cls`` without
    running its ``__init__`` (one C-level slot store per field)."""
    got = _BUILDERS.get(cls)
    if got is None:
        names = _slots(cls)
        setters = {f"_s{i}": getattr(cls, n).__set__ for i, n in enumerate(names)}
        args = ", ".join(f"a{i}" for i in range(len(names)))
        body = "".join(f"    _s{i}(o, a{i})\n" for i in range(len(names)))
        namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls, **setters}
        exec(f"def build({args}):\n    o = _new(_cls)\n{body}    return o\n", namespace)
        got = _BUILDERS[cls] = namespace["build"]
    return got


# A run: the class, its columns, and the origins of its entries when they all come from
# one file ``(path, lines)``: stored as line numbers, not one SourceLocation each (the
# origin column is then left out of the columns); the entries of one line share it again.
_Run = tuple[type, tuple[tuple, ...], "tuple[str, tuple[int, ...]] | None"]


def _columns(entries: tuple) -> list[_Run]:
    runs: list[_Run] = []
    for cls, group in itertools.groupby(entries, key=type):
        names = _slots(cls)
        rows = list(map(operator.attrgetter(*names), group))
        if len(names) == 1:
            rows = [(r,) for r in rows]
        cols = tuple(zip(*rows, strict=True))
        origins = None
        if "origin" in names:
            at = names.index("origin")
            column = cols[at]
            paths = {o.path if type(o) is SourceLocation else None for o in column}
            path = paths.pop() if len(paths) == 1 else None
            if path is not None:
                origins = (path, tuple(o.line for o in column))
                cols = cols[:at] + cols[at + 1:]
        runs.append((cls, cols, origins))
    return runs


def _rebuild_entries(runs: list[_Run]) -> tuple:
    out: list = []
    for cls, cols, origins in runs:
        if origins is not None:
            path, lines = origins
            at = _slots(cls).index("origin")
            build = _builder(SourceLocation)
            table = {n: build(path, n) for n in dict.fromkeys(lines)}  # shared per line
            located = tuple(map(table.__getitem__, lines))
            cols = (*cols[:at], located, *cols[at:])
        out.extend(map(_builder(cls), *cols))
    return tuple(out)


def _lazy(runs: list) -> bool:
    """Whether a file of these runs comes back as a :class:`LazyPatternFile`."""
    return len(runs) == 1 and runs[0][0] is VerbPattern and runs[0][2] is not None \
        and len(runs[0][2][1]) >= LAZY_MIN_PATTERNS


def _rebuild_file(fields: dict, runs: list, removal_runs: list,
                  heads: tuple | None = None) -> DictionaryFile:
    if _lazy(runs):
        f = LazyPatternFile.from_run(fields, runs[0], _rebuild_entries(removal_runs))
        if heads is not None:  # stored with the entry: not worked out again at each load
            _set(f, "_heads", heads)
        return f
    return DictionaryFile(**fields, entries=_rebuild_entries(runs),
                          removals=_rebuild_entries(removal_runs))


# A cached file of this many verb patterns or more (PETRARCH's CAMEO.2.0.txt has 47,812,
# one per verb of a block and pattern line) is rebuilt lazily: its patterns are made when
# a verb is first looked up, not all at load.
LAZY_MIN_PATTERNS = 2000


class LazyPatternFile(DictionaryFile):
    """A :class:`~.native.DictionaryFile` of verb patterns read from the cache, whose
    patterns are built on demand: :meth:`patterns_for` builds those of one predicate
    (what :class:`~.registry.DictionarySet` asks for while coding); reading ``entries``
    builds them all, so the file behaves as any other."""

    __slots__ = ("_built", "_heads", "_objects", "_run")
    _built: tuple | None
    _heads: tuple[dict[str, list[int]], dict[str, set[str]]] | None
    _objects: list[VerbPattern | None]
    _run: _Run

    @classmethod
    def from_run(cls, fields: dict, run: _Run, removals: tuple) -> LazyPatternFile:
        f = object.__new__(cls)
        for name, value in fields.items():
            getattr(DictionaryFile, name).__set__(f, value)
        DictionaryFile.removals.__set__(f, removals)  # type: ignore[attr-defined]
        _set(f, "_run", run)
        _set(f, "_heads", None)
        _set(f, "_objects", [None] * len(run[2][1]))  # type: ignore[index]
        _set(f, "_built", None)
        return f

    @property  # type: ignore[override]
    def entries(self) -> tuple:
        built = self._built
        if built is None:
            built = tuple(self._make(r) for r in range(len(self._objects)))
            _set(self, "_built", built)
        return built

    @entries.setter
    def entries(self, value: tuple) -> None:  # attrs' __init__ and evolve
        _set(self, "_built", tuple(value))
        _set(self, "_objects", list(value))
        _set(self, "_heads", None)

    @property
    def materialized(self) -> bool:
        return self._built is not None

    def heads(self) -> dict[str, list[int]]:
        """The rows of each predicate lemma, in file order."""
        return self._index()[0]

    def kind_heads(self, kind: str) -> set[str]:
        """The predicate lemmas with a pattern of ``kind`` ("verb" or "noun")."""
        return self._index()[1].get(kind, set())

    def _index(self) -> tuple[dict[str, list[int]], dict[str, set[str]]]:
        got = self._heads
        if got is None:
            pairs: Iterable[tuple[str, str]]
            if self._built is not None:
                pairs = ((e.head, e.kind) for e in self._built)
            else:
                names = [n for n in _slots(VerbPattern) if n != "origin"]
                cols = self._run[1]
                pairs = zip(cols[names.index("head")], cols[names.index("kind")], strict=True)
            got = _head_index(pairs)
            _set(self, "_heads", got)
        return got

    def patterns_for(self, head: str) -> list[VerbPattern]:
        """The patterns of predicate ``head``, in file order."""
        return [self._make(r) for r in self.heads().get(head, ())]

    def _make(self, r: int) -> VerbPattern:
        made = self._objects[r]
        if made is None:
            _, cols, origins = self._run
            path, lines = origins  # type: ignore[misc]
            args = [col[r] for col in cols]
            args.insert(_slots(VerbPattern).index("origin"), _builder(SourceLocation)(path, lines[r]))
            made = self._objects[r] = _builder(VerbPattern)(*args)
        return made


def _head_index(pairs: Iterable[tuple[str, str]]) -> tuple[dict[str, list[int]], dict[str, set[str]]]:
    """The rows of each predicate lemma, and the lemmas of each kind, from (head, kind)
    pairs in file order."""
    heads: dict[str, list[int]] = {}
    kinds: dict[str, set[str]] = {}
    for r, (h, k) in enumerate(pairs):
        heads.setdefault(h, []).append(r)
        kinds.setdefault(k, set()).add(h)
    return heads, kinds


_new = object.__new__
_set = object.__setattr__


def _dated(code: str, start: object, end: object) -> DatedCode:
    """A DatedCode without re-running its validators (it was valid when stored)."""
    d = _new(DatedCode)
    _set(d, "code", code)
    _set(d, "start", start)
    _set(d, "end", end)
    return d


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: object) -> Any:
        t = type(obj)
        if t is SourceLocation:
            return SourceLocation, (obj.path, obj.line)  # type: ignore[attr-defined]
        if t is DatedCode:
            return _dated, (obj.code, obj.start, obj.end)  # type: ignore[attr-defined]
        if t is DictionaryFile:
            f: DictionaryFile = obj  # type: ignore[assignment]
            fields = {a.alias: getattr(f, a.name) for a in attrs.fields(DictionaryFile)
                      if a.init and a.name not in ("entries", "removals")}
            runs = _columns(f.entries)
            heads = _head_index((e.head, e.kind) for e in f.entries) if _lazy(runs) else None
            return _rebuild_file, (fields, runs, _columns(f.removals), heads)
        if attrs.has(t):
            return t, tuple(getattr(obj, name) for name in _fields(t))
        return NotImplemented


def _dumps(obj: object) -> bytes:
    buf = io.BytesIO()
    with gc_paused():  # the columns are many new tuples: collecting would only scan them
        _Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
    return buf.getvalue()


def _stat_key(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def load_cached(path: str | Path, kind: str | None, strict: bool, reader: Reader,
                *, folder: Path | None = None) -> DictionaryFile:
    """Read ``path`` with ``reader(path, kind, strict)``, or return the cached result.

    The warnings the reader issued when it read the file are stored with the entry and
    issued again on every cached load, so a lenient legacy file warns every time.
    """
    path = Path(path)
    apath = path.resolve()
    folder = folder if folder is not None else cache_dir()
    if folder is None:
        return reader(path, kind, strict)
    token = _reader_token(reader)
    try:
        stat = _stat_key(apath)
    except OSError:
        return reader(path, kind, strict)  # let the reader report the missing file
    header = {"format": FORMAT, "version": _version(), "code": _code_fingerprint(),
              "path": str(apath),
              "size": stat[0], "mtime_ns": stat[1], "kind": kind, "strict": bool(strict),
              "reader": token, "as": str(path)}
    entry = _entry_path(folder, apath, kind, strict, token)
    cached = _load_entry(entry, header)
    if cached is not None:
        file, caught = cached
        _reissue(caught)
        return file
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        file = reader(path, kind, strict)
    caught = [(w.category, str(w.message)) for w in records]
    try:
        unchanged = _stat_key(apath) == stat
    except OSError:
        unchanged = False
    if unchanged:
        _store_entry(entry, header, file, caught)
    _reissue(caught)
    return file


def _reissue(caught: list[tuple[type[Warning], str]]) -> None:
    for category, message in caught:
        warnings.warn(message, category, stacklevel=3)


def _load_entry(entry: Path, header: dict) -> tuple[DictionaryFile, list] | None:
    try:
        data = io.BytesIO(entry.read_bytes())
        if pickle.load(data) != header:
            return None
        with gc_paused():
            file, caught = pickle.load(data)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign entry: read the file again and replace it
        return None
    if not isinstance(file, DictionaryFile):
        return None
    return file, caught


def _store_entry(entry: Path, header: dict, file: DictionaryFile, caught: list) -> None:
    try:
        data = pickle.dumps(header, protocol=pickle.HIGHEST_PROTOCOL) + _dumps((file, caught))
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=entry.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, entry)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return  # no cache this time; the result is correct anyway
    # entries of the same file written by other code (an older eventcoder, another
    # reader version) would never be read again: they go
    for other in entry.parent.glob(entry.name.rsplit("-", 1)[0] + "-*.dict.pickle"):
        if other != entry:
            old = _header(other)
            if old is not None and old.get("path") == header["path"] and _writer(old) != _writer(header):
                with contextlib.suppress(OSError):
                    other.unlink()


# -- one entry point for the registry ---------------------------------------------------

def _auto_reader(path: Path, kind: str | None, strict: bool) -> DictionaryFile:
    """Read a native or a legacy file: the content decides (see :func:`read_dictionary_file`)."""
    from .legacy import legacy_kind, read_legacy  # loaded only when needed

    detected = legacy_kind(path) if path.is_file() else None
    if detected is not None:
        return read_legacy(path, kind or detected, strict=strict)
    if kind is not None and kind not in NATIVE_KINDS:
        raise DictionaryError(f"not a legacy dictionary, and {kind!r} has no native format "
                              f"(native kinds: {', '.join(NATIVE_KINDS)})", path)
    return read_native(path, kind or kind_of_path(path))


def _auto_token() -> str:
    from .legacy import _cache_token

    return _cache_token()


_auto_reader.cache_token = _auto_token  # type: ignore[attr-defined]


def read_dictionary_file(path: str | Path, kind: str | None = None, *, strict: bool = False,
                         cache: bool = True) -> DictionaryFile:
    """Read one dictionary file, native or legacy, through the cache.

    A file whose content is a PETRARCH/TABARI dictionary is read by the legacy reader
    whatever its name (``Phoenix.Countries.actors.txt`` ends like a native actors file);
    ``kind`` (from ``KIND:PATH``) overrides the kind the name or content suggests.
    Native files have no strict/lenient distinction: every bad line is an error.
    """
    path = Path(path)
    if not cache:
        return _auto_reader(path, kind, strict)
    return load_cached(path, kind, strict, _auto_reader)
