"""Render a summary: JSON (the contract), Markdown, or rich tables for a terminal."""

from __future__ import annotations

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


def to_markdown(summary: ArticleSummary) -> str:
    """The summary as Markdown: headline, summary, then a section per kind of item."""
    lines = [f"# {summary.headline}", "", summary.summary, ""]
    if summary.event:
        e = summary.event
        when = e.date or e.date_text or "date unknown"
        lines += ["## Event", f"{e.description} ({e.type or 'event'}; {when}; {e.location or 'place unknown'})", ""]
    if summary.participants:
        lines += ["## Participants", "| Name | Kind | Role | Aliases | Evidence |", "|---|---|---|---|---|"]
        lines += [
            f"| {p.name} | {p.kind} | {p.role or ''} | {', '.join(p.aliases)} | {_where(p.evidence)} |"
            for p in summary.participants
        ]
        lines.append("")
    if summary.positions:
        lines += ["## Positions"]
        lines += [f"- **{p.holder}**: {p.stance} — “{p.quote}” [{_where(p.evidence)}]" for p in summary.positions]
        lines.append("")
    if summary.figures:
        lines += ["## Figures", "| Value | Unit | As written | Measures | Evidence |", "|---|---|---|---|---|"]
        lines += [
            f"| {_number(f.value)} | {f.unit} | {f.text} | {f.measures} | {_where(f.evidence)} |"
            for f in summary.figures
        ]
        lines.append("")
    m = summary.meta
    lines.append(
        f"_{m.backend}/{m.model}, prompt {m.prompt_version}, {m.attempts} call(s), "
        f"{m.tokens.prompt}+{m.tokens.completion} tokens, {m.latency_s:.1f} s{', cached' if m.cached else ''}_"
    )
    lines += [f"> warning: {w}" for w in m.warnings]
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
