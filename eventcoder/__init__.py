"""eventcoder: CAMEO political event data from English news text.

    >>> from eventcoder import Coder
    >>> coder = Coder()                                        # doctest: +SKIP
    >>> coder.code_story("Iran accused Israel of war crimes.",  # doctest: +SKIP
    ...                  date="2024-01-10", story_id="s1")
"""

from .errors import (
    DictionaryError,
    DictionaryErrors,
    EventCoderError,
    InputError,
    ModelError,
    OutputError,
)
from .model import Event, Story

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # The coder imports spaCy; load it on first use so that `import eventcoder`
    # (and the dictionary tools) stay light.
    if name in ("Coder", "CoderOptions"):
        from . import coder

        return getattr(coder, name)
    raise AttributeError(f"module 'eventcoder' has no attribute {name!r}")

__all__ = [
    "Coder",
    "CoderOptions",
    "DictionaryError",
    "DictionaryErrors",
    "Event",
    "EventCoderError",
    "InputError",
    "ModelError",
    "OutputError",
    "Story",
    "__version__",
]
