"""Markdown rendering: each kind of item a section with one table row per item, cells kept inert."""

import pytest

from summarizer.render import to_markdown
from summarizer.schema import ArticleSummary, Evidence, Figure, Meta, Participant

EVIDENCE = Evidence(quote="q", start=3, end=9, match="exact")


def _section(text: str, title: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(f"## {title}")
    return lines[start:lines.index("", start)]


@pytest.mark.parametrize("summary, title, rows", [
    (ArticleSummary(headline="h", summary="s", meta=Meta(), participants=[
        Participant(name="Jane Smith", kind="person", role="mayor", aliases=["Smith", "J. S."], evidence=EVIDENCE),
        Participant(name="A | B", kind="organisation"),
    ]), "Participants", [
        "| Name | Kind | Role | Aliases | Evidence |", "|---|---|---|---|---|",
        "| Jane Smith | person | mayor | Smith, J. S. | 3-9 |",
        "| A \\| B | organisation |  |  | ungrounded |",
    ]),
    (ArticleSummary(headline="h", summary="s", meta=Meta(), figures=[
        Figure(value=3500, unit="homes", text="3,500 homes", measures="homes *refitted*", evidence=EVIDENCE),
        Figure(value=2.5, unit="%", text="2.5%", measures="growth"),
    ]), "Figures", [
        "| Value | Unit | As written | Measures | Evidence |", "|---|---|---|---|---|",
        "| 3,500 | homes | 3,500 homes | homes \\*refitted\\* | 3-9 |",
        "| 2.5 | % | 2\\.5% | growth | ungrounded |",  # md() escapes a leading "2." (a list)
    ]),
])
def test_markdown_tables_have_a_row_per_item(summary, title, rows):
    assert _section(to_markdown(summary), title) == [f"## {title}", *rows]


def test_markdown_leaves_out_the_sections_of_kinds_it_lacks():
    text = to_markdown(ArticleSummary(headline="h", summary="s", meta=Meta()))
    assert "## Participants" not in text and "## Figures" not in text and "## Positions" not in text
