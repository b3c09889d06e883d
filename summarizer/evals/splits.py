"""Fixed tune/check halves: rules and prompts are developed on `tune`, `check` is only reported.

An item's half is a stable hash of its id (the gold file's id, a PolNeAR article's file stem, a
WikiEvents doc_id, a NewsQuant sentence's index, an article-extraction page key), so it never
changes when items are added, removed or reordered, and every tool that splits agrees.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Literal, TypeVar

from summarizer.errors import InputError

Split = Literal["tune", "check", "all"]
SPLITS: tuple[Split, ...] = ("tune", "check", "all")
T = TypeVar("T")


def half_of(item_id: str) -> Literal["tune", "check"]:
    """`tune` for an even SHA-256 of the id, `check` for an odd one."""
    return "tune" if int(hashlib.sha256(item_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "check"


def checked_split(value: str) -> Split:
    """`value` as a Split, or an InputError naming the flag and the accepted values."""
    if value not in SPLITS:
        raise InputError(f"--split must be one of {', '.join(SPLITS)}, got {value!r}")
    return value  # type: ignore[return-value,unused-ignore]  # checked just above


def select(items: Iterable[T], split: Split, item_id: Callable[[T], str]) -> list[T]:
    """The items of one half (all of them for `all`), in their original order."""
    return [item for item in items if split == "all" or half_of(item_id(item)) == split]
