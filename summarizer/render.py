"""Render a summary: JSON (the contract), Markdown, or rich tables for a terminal."""

from __future__ import annotations

import html
import re

from rich.console import Group
from rich.table import Table
from rich.text import Text

from summarizer.schema import ArticleSummary, Evidence

FORMATS = ("json", "markdown", "table")


def to_json(summary: ArticleSummary) -> str:
    """The summary as schema-v1 JSON, indented."""
    return summary.model_dump_json(indent=2)


def _where(evidence: Evidence | None) -> str:
    if evidence is None or evidence.start is None:
        return "ungrounded"
    mark = "" if evidence.match == "exact" else f" ({evidence.match})"
    return f"{evidence.start}-{evidence.end}{mark}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md(text: object) -> str:
    """Untrusted text (the article's, the model's) as inert Markdown: HTML escaped (`<script>`
    shows as text), emphasis, links, code and table pipes backslash-escaped, one line."""
    one_line = " ".join(str(text).split())
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(one_line, quote=False))
    escaped = re.sub(r"^(\d+)([.)])", r"\1\\\2", escaped)  # "1." would start a list
    return re.sub(r"^([#>+\-])", r"\\\1", escaped)  # no heading, quote or list at the start


def _md_table(title: str, heads: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    """A section with a Markdown table: heading, header row, rule, one line a row (cells already
    inert, through `md()`), then the blank line that ends the table."""
    return ([f"## {title}", "| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
            + ["| " + " | ".join(row) + " |" for row in rows] + [""])


def to_markdown(summary: ArticleSummary) -> str:
    """The summary as Markdown: headline, summary, then a section per kind of item.

    Every text from the article or the model goes through `md()`, so none of it renders as HTML.
    """
    lines = [f"# {md(summary.headline)}", "", md(summary.summary), ""]
    if summary.event:
        e = summary.event
        when = md(e.date or e.date_text or "date unknown")
        lines += ["## Event", f"{md(e.description)} ({md(e.type or 'event')}; {when}; "
                  f"{md(e.location or 'place unknown')})", ""]
    if summary.participants:
        lines += _md_table("Participants", ("Name", "Kind", "Role", "Aliases", "Evidence"), [
            (md(p.name), md(p.kind), md(p.role or ""), md(", ".join(p.aliases)), _where(p.evidence))
            for p in summary.participants
        ])
    if summary.positions:
        lines += ["## Positions"]
        lines += [f"- **{md(p.holder)}**: {md(p.stance)} — “{md(p.quote)}” [{_where(p.evidence)}]"
                  for p in summary.positions]
        lines.append("")
    if summary.figures:
        lines += _md_table("Figures", ("Value", "Unit", "As written", "Measures", "Evidence"), [
            (_number(f.value), md(f.unit), md(f.text), md(f.measures), _where(f.evidence)) for f in summary.figures
        ])
    m = summary.meta
    lines.append(
        f"_{m.backend}/{m.model}, prompt {m.prompt_version}, {m.attempts} call(s), "
        f"{m.tokens.prompt}+{m.tokens.completion} tokens, {m.latency_s:.1f} s{', cached' if m.cached else ''}_"
    )
    lines += [f"> warning: {md(w)}" for w in m.warnings]
    return "\n".join(lines) + "\n"


def to_rich(summary: ArticleSummary) -> Group:
    """The summary as rich tables, for a terminal."""
    parts: list = [Text(summary.headline, style="bold"), Text(summary.summary), Text("")]
    if summary.event:
        e = summary.event
        parts.append(Text(f"Event: {e.description} | {e.type or '-'} | {e.date or e.date_text or '-'} | "
                          f"{e.location or '-'}"))
    people = Table("Participant", "Kind", "Role", "Aliases", "Evidence", title="Participants")
    for p in summary.participants:
        people.add_row(p.name, p.kind, p.role or "", ", ".join(p.aliases), _where(p.evidence))
    stances = Table("Holder", "Stance", "Quote", "Evidence", title="Positions")
    for pos in summary.positions:
        stances.add_row(pos.holder, pos.stance, pos.quote, _where(pos.evidence))
    numbers = Table("Value", "Unit", "As written", "Measures", "Evidence", title="Figures")
    for f in summary.figures:
        numbers.add_row(_number(f.value), f.unit, f.text, f.measures, _where(f.evidence))
    parts += [people, stances, numbers]
    parts += [Text(f"warning: {w}", style="yellow") for w in summary.meta.warnings]
    return Group(*parts)
