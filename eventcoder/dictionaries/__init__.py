"""Dictionaries: native and legacy readers, layering, compiled matchers."""

from .entries import ActorEntry, AgentEntry, DiscardEntry, FrameMap, FramePattern, VerbPattern
from .native import format_entry, read_native, read_native_text
from .registry import (
    DictionarySet,
    Manifest,
    default_dictionary_path,
    load_dictionaries,
    shipped_frames_path,
)

__all__ = [
    "ActorEntry",
    "AgentEntry",
    "DictionarySet",
    "DiscardEntry",
    "FrameMap",
    "FramePattern",
    "Manifest",
    "VerbPattern",
    "default_dictionary_path",
    "format_entry",
    "load_dictionaries",
    "read_native",
    "read_native_text",
    "shipped_frames_path",
]
