"""Checks both Chromium tests make of a rendered summary: the editor page (/) and the static
page (`summarize --format html`) are drawn by the same view.js, so they must behave the same."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

_ACTIVE = "#article-text mark.ev.active"


def assert_evidence_marked(page: Any, summary: dict, after_click: Callable[[Any], None] = lambda item: None) -> None:
    """Every located evidence span is marked in the article, and clicking a participant and a figure
    with exact evidence activates exactly its mark; `after_click(item)` checks more, right then."""
    located = page.locator(".item[data-ev]").count()
    marked = page.evaluate("() => new Set([...document.querySelectorAll('#article-text mark.ev[data-refs]')]"
                           ".flatMap(m => m.dataset.refs.split(' '))).size")
    assert located == marked > 0
    for kind, index in exact_items(summary):
        item = page.locator(f"#{kind} li.item").nth(index)
        item.click()
        assert page.locator(_ACTIVE).count() == 1
        assert page.locator(_ACTIVE).text_content() == summary[kind][index]["evidence"]["quote"]
        after_click(item)


def exact_items(summary: dict) -> list[tuple[str, int]]:
    """(kind, index) of the first participant and the first figure whose evidence matched exactly."""
    return [(kind, next(i for i, item in enumerate(summary[kind]) if (item["evidence"] or {}).get("match") == "exact"))
            for kind in ("participants", "figures")]


def screenshot_selected(page: Any, path: Path) -> None:
    """The artifact: a participant selected, both panes at the top, the pointer out of the way."""
    page.locator("#participants li.item[data-ev]").first.click()
    page.evaluate("() => document.querySelectorAll('.pane').forEach(p => p.scrollTo(0, 0))")
    page.mouse.move(0, 0)
    path.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(path), full_page=False)
