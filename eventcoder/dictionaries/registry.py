"""Load dictionary layers and compile them into one :class:`DictionarySet`.

Layers are read in order; an entry of a later layer replaces the entry of an earlier
layer with the same key (an actor or agent phrase, a verb pattern, a discard phrase),
and a ``remove:`` line deletes it. The shipped dictionaries are the first layer.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from importlib import resources
from pathlib import Path

import attrs

from .._gc import gc_paused
from ..errors import DictionaryError, DictionaryErrors
from .cache import LazyPatternFile, read_dictionary_file
from .entries import (
    ActorEntry,
    AgentEntry,
    DiscardEntry,
    FrameMap,
    FramePattern,
    VerbPattern,
)
from .native import DictionaryFile, kind_of_path
from .phrases import PhraseTable, SentenceMatcher

__all__ = ["DictionarySet", "Manifest", "default_dictionary_path", "load_dictionaries",
           "read_layer"]

KINDS = ("verbs", "actors", "agents", "discards", "issues")


@attrs.frozen
class Manifest:
    """Name and version of a dictionary folder (its ``manifest.toml``)."""

    name: str
    version: str
    path: str
    licence: str | None = None
    description: str | None = None


def default_dictionary_path() -> Path:
    """The shipped dictionaries: inside the wheel, or the checkout's ``dictionaries/``."""
    packaged = resources.files("eventcoder").joinpath("_shipped")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "dictionaries"


def shipped_frames_path() -> Path:
    """The shipped frames file (intent, appeal, demand, refusal, threat, accusation...),
    to layer over dictionaries that have none, such as PETRARCH's."""
    return default_dictionary_path() / "verbs" / "frames.verbs.txt"


def _read_manifest(folder: Path) -> Manifest:
    path = folder / "manifest.toml"
    if not path.exists():
        return Manifest(folder.name, "unversioned", str(folder))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DictionaryError(f"bad manifest: {exc}", path) from None
    return Manifest(str(data.get("name", folder.name)), str(data.get("version", "unversioned")),
                    str(folder), data.get("licence") or data.get("license"),
                    data.get("description"))


def _split_kind(spec: str | Path) -> tuple[str | None, Path]:
    text = str(spec)
    head, sep, rest = text.partition(":")
    if sep and head.lower() in KINDS and rest:
        return head.lower(), Path(rest)
    return None, Path(text)


def read_layer(spec: str | Path, *, strict: bool = False) -> tuple[list[DictionaryFile], Manifest | None]:
    """Read a folder, a file, or ``KIND:PATH``; errors of all files are reported together.

    Native files and PETRARCH/TABARI legacy files are both read (the content decides);
    ``strict`` makes every bad line of a legacy file an error instead of a warning.
    """
    kind, path = _split_kind(spec)
    files: list[DictionaryFile] = []
    errors: list[DictionaryError] = []
    manifest = None
    if path.is_dir():
        manifest = _read_manifest(path)
        from .legacy import legacy_kind

        candidates = sorted(p for p in path.rglob("*.txt") if kind_of_path(p) or legacy_kind(p))
        if not candidates:
            raise DictionaryError("no dictionary files (*.verbs.txt, *.actors.txt, "
                                  "*.agents.txt, *.discards.txt, or PETRARCH/TABARI "
                                  "dictionaries) in this folder", path)
        targets: list[tuple[Path, str | None]] = [(p, None) for p in candidates]
    elif path.exists():
        targets = [(path, kind)]
    else:
        raise DictionaryError("no such file or folder", path)
    for p, k in targets:
        try:
            files.append(read_dictionary_file(p, k, strict=strict))
        except DictionaryErrors as exc:
            errors.extend(exc.errors)
        except DictionaryError as exc:
            errors.append(exc)
    if errors:
        raise DictionaryErrors(errors)
    return files, manifest


def _group(grouped: dict[str, list[VerbPattern]], head: str) -> list[VerbPattern]:
    return grouped.get(head, [])


def _kind_heads(grouped: dict[str, list[VerbPattern]], kind: str) -> set[str]:
    return {h for h, ps in grouped.items() if any(p.kind == kind for p in ps)}


@attrs.frozen
class _PatternSource:
    """The verb and noun patterns of one file, by predicate lemma, and the patterns its
    ``remove:`` lines take away (keys ``(kind, head, elements)``, by head)."""

    heads: Mapping[str, object]
    patterns_for: Callable[[str], list[VerbPattern]]
    kind_heads: Callable[[str], set[str]]
    removed: dict[str, list[tuple]]


class PatternList(list[VerbPattern]):
    """A predicate's patterns, most specific first, indexed by a word each needs.

    Most of a common verb's patterns name words that a sentence does not have ("accuse
    ... of war crimes"); ``candidates`` gives, in order, only those that may fit the words
    under the predicate, by looking up the words instead of testing every pattern. A
    pattern is filed under the one of its required words (or of its first choice of
    words, "a|b": every word of it) that fewest of the list's patterns need. The list is
    not changed once looked up."""

    def __init__(self, patterns: Iterable[VerbPattern] = ()) -> None:
        super().__init__(patterns)
        self._always: list[int] | None = None  # built at the first look-up
        self._by_word: dict[str, list[int]] = {}

    def _build(self) -> list[int]:
        counts: dict[str, int] = {}
        for p in self:
            for w in p.core_words:
                counts[w] = counts.get(w, 0) + 1
        always: list[int] = []
        by_word: dict[str, list[int]] = {}
        for k, p in enumerate(self):
            if p.core_words:  # (the words a framed act needs; ``words`` has these too)
                anchor: Iterable[str] = (min(p.core_words, key=lambda w: (counts[w], w)),)
            elif p.alternative_words:
                anchor = p.alternative_words[0]
            else:
                always.append(k)
                continue
            for w in anchor:
                by_word.setdefault(w, []).append(k)
        self._by_word = by_word
        self._always = always
        return always

    def candidates(self, present: Set[str]) -> list[VerbPattern]:
        """The patterns, in order, whose indexed word is in ``present`` (the lemmas and
        forms under the predicate) or that need no word."""
        always = self._always
        if always is None:
            always = self._build()
        by_word = self._by_word
        picked = list(always)
        if len(by_word) < len(present):
            for w, ks in by_word.items():
                if w in present:
                    picked.extend(ks)
        else:
            for w in present:
                filed = by_word.get(w)
                if filed:
                    picked.extend(filed)
        if len(picked) == len(always):
            return [self[k] for k in always]
        return [self[k] for k in sorted(set(picked))]


class PatternTable(dict):
    """The patterns of one kind ("verb" or "noun") by predicate lemma, over every layer:
    a pattern of a later file replaces one of an earlier file with the same words (in
    the place of the first), a ``remove:`` line takes it away, and the list is sorted
    most specific first (stably). A predicate's list is made when it is first looked up,
    so a large cached file's patterns are built only for the verbs a text uses. The keys
    are there from the start (``"accuse" in table`` is a plain dict lookup)."""

    def __init__(self, kind: str, sources: list[_PatternSource]) -> None:
        super().__init__()
        self._kind = kind
        self._sources = sources
        for src in sources:
            super().update(dict.fromkeys(src.kind_heads(kind)))
        for src in sources:  # a head whose patterns a layer removes may end with none
            for head in src.removed:
                if super().__contains__(head) and not self._make(head):
                    super().__delitem__(head)

    def _make(self, head: str) -> PatternList:
        got = super().get(head)
        if got is None:
            table: dict[tuple, VerbPattern] = {}
            kind = self._kind
            for src in self._sources:
                if head in src.heads:
                    for p in src.patterns_for(head):
                        if p.kind == kind:
                            table[p.elements] = p
                for key in src.removed.get(head, ()):
                    if key[0] == kind:
                        table.pop(key[2], None)
            got = PatternList(sorted(table.values(), key=lambda p: -p.specificity))
            super().__setitem__(head, got)
        return got

    def __getitem__(self, head: str) -> PatternList:
        if not super().__contains__(head):
            raise KeyError(head)
        return self._make(head)

    def get(self, head: str, default=None):  # type: ignore[override]
        return self._make(head) if super().__contains__(head) else default

    def values(self):  # type: ignore[override]
        return [self._make(h) for h in self]

    def items(self):  # type: ignore[override]
        return [(h, self._make(h)) for h in self]


@attrs.define
class DictionarySet:
    """All entries of all layers, compiled for matching."""

    actors: PhraseTable[ActorEntry]
    agents: PhraseTable[AgentEntry]
    discards: PhraseTable[DiscardEntry]
    verbs: PatternTable
    nouns: PatternTable
    frames: dict[str, list[FramePattern]]
    frame_maps: dict[str, FrameMap]
    manifests: list[Manifest]
    files: list[str]
    _matcher: SentenceMatcher | None = None
    # lookups the coder derives from the entries once per set ("call" patterns of judgment)
    derived: dict = attrs.field(factory=dict, eq=False, repr=False)

    @property
    def matcher(self) -> SentenceMatcher:
        """Actor, agent and discard phrases in one trie (grouped when the set is made, its
        branches grown as sentences reach them)."""
        if self._matcher is None:
            self._matcher = SentenceMatcher(self.actors, self.agents, self.discards)
        return self._matcher

    @classmethod
    def from_files(cls, files: Iterable[DictionaryFile],
                   manifests: Sequence[Manifest] = ()) -> DictionarySet:
        with gc_paused():  # tens of thousands of trie nodes and lists, all long-lived
            return cls._index(files, manifests)

    @classmethod
    def _index(cls, files: Iterable[DictionaryFile],
               manifests: Sequence[Manifest]) -> DictionarySet:
        actors: dict = {}
        agents: dict = {}
        discards: dict = {}
        sources: list[_PatternSource] = []
        frames: dict = {}
        frame_maps: dict[str, FrameMap] = {}
        names = []
        for f in files:
            names.append(f.path)
            removed: dict[str, list[tuple]] = {}
            for r in f.removals:
                if r.kind == "verbs":
                    removed.setdefault(r.key[1], []).append(r.key)
            if isinstance(f, LazyPatternFile) and not f.materialized:
                # patterns made when their verb is first looked up
                sources.append(_PatternSource(f.heads(), f.patterns_for, f.kind_heads, removed))
                continue
            grouped: dict[str, list[VerbPattern]] = {}
            sources.append(_PatternSource(grouped, functools.partial(_group, grouped),
                                          functools.partial(_kind_heads, grouped), removed))
            for e in f.entries:
                if isinstance(e, VerbPattern):
                    grouped.setdefault(e.head, []).append(e)
                elif isinstance(e, ActorEntry):
                    actors[e.key] = e
                elif isinstance(e, AgentEntry):
                    agents[e.key] = e
                elif isinstance(e, DiscardEntry):
                    discards[e.key] = e
                elif isinstance(e, FramePattern):
                    frames[(e.head, e.elements)] = e
                elif isinstance(e, FrameMap):
                    old = frame_maps.get(e.frame)
                    if old is not None:
                        merged = dict(old.mapping)
                        merged.update(e.mapping)
                        e = FrameMap(e.frame, tuple(merged.items()), e.default or old.default,
                                     e.origin)
                    frame_maps[e.frame] = e
            for r in f.removals:
                if r.kind == "verbs":
                    frames.pop(r.key[1:], None)  # the patterns' removal is in ``removed``
                else:
                    {"actors": actors, "agents": agents, "discards": discards}[r.kind].pop(r.key, None)
        out = cls(PhraseTable(actors), PhraseTable(agents), PhraseTable(discards),
                  PatternTable("verb", sources), PatternTable("noun", sources), {}, frame_maps,
                  list(manifests), names)
        out._matcher = SentenceMatcher(out.actors, out.agents, out.discards)
        for (head, _), frame in frames.items():
            out.frames.setdefault(head, []).append(frame)
        return out

    def stats(self) -> dict[str, int]:
        """Counts per kind of entry."""
        return {
            "actor phrases": len(self.actors),
            "agent phrases": len(self.agents),
            "verb patterns": sum(len(v) for v in self.verbs.values()),
            "noun patterns": sum(len(v) for v in self.nouns.values()),
            "frame patterns": sum(len(v) for v in self.frames.values()),
            "discard phrases": len(self.discards),
        }

    def versions(self) -> str:
        return ", ".join(f"{m.name} {m.version}" for m in self.manifests) or "none"


def load_dictionaries(paths: Sequence[str | Path] = (), *, default: bool = True) -> DictionarySet:
    """Load the shipped dictionaries (unless ``default=False``) and then each layer in order.

    Every error of every file is reported at once as :class:`DictionaryErrors`.
    """
    specs: list[str | Path] = [default_dictionary_path()] if default else []
    specs.extend(paths)
    files: list[DictionaryFile] = []
    manifests: list[Manifest] = []
    errors: list[DictionaryError] = []
    for spec in specs:
        try:
            layer, manifest = read_layer(spec)
        except DictionaryErrors as exc:
            errors.extend(exc.errors)
            continue
        except DictionaryError as exc:
            errors.append(exc)
            continue
        files.extend(layer)
        if manifest is not None:
            manifests.append(manifest)
        else:
            manifests.extend(Manifest(Path(f.path).name, "unversioned", f.path) for f in layer)
    if errors:
        raise DictionaryErrors(errors)
    return DictionarySet.from_files(files, manifests)
