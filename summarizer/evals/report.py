"""Eval reports: the terminal tables, the JSON report and a self-contained HTML page.

All three read one `EvalResult` (summarizer.evals.run), so they always agree. The HTML page
has no external resources (inline CSS and JS) and escapes every piece of article text and
model output: a prediction is untrusted input.
"""

from __future__ import annotations

import html
import itertools
from typing import Any

from rich import box
from rich.markup import escape
from rich.table import Table

from summarizer.evals.errors_report import errors_html
from summarizer.evals.gold import Gold
from summarizer.evals.results import EvalResult
from summarizer.evals.score import as_summary, evidence_holds, quote_spans
from summarizer.schema import ArticleSummary, Evidence

# (metric, label); None starts a new section of the table.
ROWS: list[tuple[str, str] | None] = [
    ("participants_precision", "participants P"), ("participants_recall", "participants R"),
    ("participants_f1", "participants F1"), ("kind_accuracy", "kind accuracy"), None,
    ("positions_precision", "positions P"), ("positions_recall", "positions R"), ("positions_f1", "positions F1"),
    ("stance_similarity", "stance similarity"), None,
    ("figures_precision", "figures P"), ("figures_recall", "figures R"), ("figures_f1", "figures F1"),
    ("measures_similarity", "measures similarity"), None,
    ("date_accuracy", "event date accuracy (all)"), ("date_accuracy_dated", "event date accuracy (dated gold)"),
    ("location_accuracy", "event location accuracy"),
    ("description_similarity", "event description similarity"), None,
    ("grounding_rate", "grounding rate"), ("quote_found_rate", "quotes found in text"),
    ("schema_valid_rate", "schema-valid rate"), ("errors", "errors"), None,
    ("attempts_mean", "attempts / article"), ("reasks_total", "re-asks (total)"),
    ("prompt_tokens", "prompt tokens"), ("completion_tokens", "completion tokens"),
    ("tokens_per_article", "tokens / valid article"), ("latency_s_mean", "latency mean (s)"),
    ("latency_s_p50", "latency median (s)"), ("latency_s_max", "latency max (s)"),
]
_COUNTS = {"reasks_total", "prompt_tokens", "completion_tokens", "tokens_per_article"}
_COSTS = {"attempts_mean", "reasks_total", "prompt_tokens", "completion_tokens", "tokens_per_article",
          "latency_s_mean", "latency_s_p50", "latency_s_max", "errors"}


def fmt_metric(name: str, value: Any) -> str:
    if value is None:
        return "—"
    if name == "errors":
        return ", ".join(f"{k} {v}" for k, v in value.items()) or "0"
    if name in _COUNTS:
        return f"{value:,.0f}"
    return f"{value:.3f}" if name not in ("latency_s_mean", "latency_s_p50", "latency_s_max") else f"{value:.2f}"


def with_interval(name: str, value: Any, ci: tuple[float, float] | None) -> str:
    """A metric with its bootstrap 95% interval, "0.576 [0.501, 0.640]", where it has one."""
    return fmt_metric(name, value) + (f" [{ci[0]:.3f}, {ci[1]:.3f}]" if ci and value is not None else "")


def header(result: EvalResult) -> str:
    """What a run is: split, size, backend and model; every report starts with it."""
    info = result.info
    dated = result.results[next(iter(result.results))].metrics.get("gold_dated", 0) if result.results else 0
    return (f"split {info.split} · {len(info.ids)} articles ({dated} with a gold date) · "
            f"{info.backend}/{info.model} · micro-averaged, bootstrap 95% intervals")


def summary_table(result: EvalResult) -> Table:
    """One row per metric, one column per system; with two systems, the pipeline's lead."""
    systems = list(result.results)
    table = Table(title=escape(header(result)), title_justify="left")
    table.add_column("metric")
    for system in systems:
        table.add_column(system, justify="right")
    if len(systems) == 2:
        table.add_column("Δ", justify="right")
    for row in ROWS:
        if row is None:
            table.add_section()
            continue
        name, label = row
        values = [result.results[s].metrics.get(name) for s in systems]
        cells = [with_interval(name, v, result.results[s].intervals.get(name))
                 for s, v in zip(systems, values, strict=True)]
        if len(systems) == 2:
            a, b = values
            cells.append("" if name in _COSTS or a is None or b is None else f"{a - b:+.3f}")
        table.add_row(label, *cells)
    return table


def article_table(result: EvalResult) -> Table:
    """One row per article and system: the per-article F1s, event, grounding, cost."""
    table = Table(title="per article", title_justify="left", box=box.SIMPLE_HEAD, padding=(0, 1))
    heads = ["article", "system", "valid", "part", "pos", "fig", "date", "loc", "desc", "grnd", "quot", "calls", "s"]
    for i, head in enumerate(heads):
        table.add_column(head, justify="left" if i < 3 else "right", no_wrap=i < 2)
    for gold in result.golds:
        for system, res in result.results.items():
            art = next(a for a in res.suite.articles if a.id == gold.id)
            record = result.records[system].get(gold.id)
            error = record.error["type"] if record and record.error else "Missing"
            valid = "yes" if art.valid else f"[red]{escape(error)}[/]"
            summary = as_summary(record.outcome()) if record else None
            calls = str(summary.meta.attempts) if summary else (str(len(record.error.get("attempts", [])))
                                                                if record and record.error else "—")
            values = [art.participants.f1, art.positions.f1, art.figures.f1, art.date.value, art.location.value,
                      art.description.value, art.grounding.value, res.quote_found.get(gold.id)]
            table.add_row(gold.id, system, valid, *("—" if v is None else f"{v:.2f}" for v in values), calls,
                          f"{record.wall_s:.1f}" if record else "—")
    return table


def to_json(result: EvalResult, gate: dict[str, Any] | None = None) -> dict[str, Any]:
    """Run info, every system's metrics and per-article scores, warnings and the gate verdict."""
    systems = {}
    for system, res in result.results.items():
        data = res.suite.to_dict()
        for article in data["articles"]:
            record = result.records[system].get(article["id"])
            article["quote_found_rate"] = res.quote_found.get(article["id"])
            article["error"] = record.error if record else {"type": "Missing", "message": "no record in the run"}
            article["wall_s"] = record.wall_s if record else None
            article["item_errors"] = res.errors.get(article["id"])
        systems[system] = {"key": res.key, "metrics": res.metrics, "intervals": res.intervals, "macro": data["macro"],
                           "articles": data["articles"]}
    info = result.info
    return {"report_format": 1, "run_dir": str(result.run_dir), "run": vars(info).copy(), "systems": systems,
            "warnings": result.warnings, "gate": gate}


# --- HTML -------------------------------------------------------------------------------------

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:1400px;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}
td:first-child,th:first-child{text-align:left}details{border:1px solid #ddd;margin:.6rem 0;padding:.3rem .6rem}
summary{cursor:pointer;font-weight:600}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1rem}
.cols>div{background:#fafafa;padding:.4rem .6rem}h4{margin:.4rem 0 .2rem}ul{margin:0;padding-left:1.1rem}
pre.text{white-space:pre-wrap;background:#fff;border:1px solid #eee;padding:.6rem;max-height:32rem;overflow:auto}
mark.gold{background:#ffe08a}mark.pred{background:#a8e6a1}mark.gold.pred{background:#7fd3e8}
body.hide-gold mark.gold:not(.pred),body.hide-pred mark.pred:not(.gold){background:none}
.bad{color:#b00}.ok{color:#070}.err{color:#b00;font-weight:600}.muted{color:#777}
"""
_LEGEND = """<p>
<label><input type="checkbox" checked data-hide="hide-gold"> <mark class="gold">gold quotes and figures</mark></label>
<label><input type="checkbox" checked data-hide="hide-pred">
<mark class="pred">predicted evidence that holds</mark></label>
<mark class="gold pred">both</mark></p>"""
_JS = """
for (const box of document.querySelectorAll('input[data-hide]')) {
  box.addEventListener('change', () => document.body.classList.toggle(box.dataset.hide, !box.checked));
}
"""


def e(value: Any) -> str:
    return html.escape("—" if value is None else str(value), quote=True)


def _num(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def _marked(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """The text, escaped, with <mark> around each span; overlaps split into flat segments."""
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(t for _, t, _, _ in spans)})
    out = []
    for a, b in itertools.pairwise(cuts):
        cover = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
        seg = e(text[a:b])
        if cover:
            classes = " ".join(sorted({c for _, _, c, _ in cover}))
            title = "; ".join(dict.fromkeys(t for _, _, _, t in cover))
            seg = f'<mark class="{classes}" title="{e(title)}">{seg}</mark>'
        out.append(seg)
    return "".join(out)


def _gold_spans(gold: Gold, text: str) -> list[tuple[int, int, str, str]]:
    items = [(p.quote, f"gold position: {p.holder}") for p in gold.positions]
    items += [(f.text, f"gold figure: {f.measures}") for f in gold.figures]
    return [(s, t, "gold", title) for quote, title in items for s, t in quote_spans(quote, text)[:1]]


def _pred_spans(summary: ArticleSummary | None, text: str) -> list[tuple[int, int, str, str]]:
    if summary is None:
        return []
    items: list[tuple[Evidence | None, str]] = [(summary.event.evidence if summary.event else None, "event")]
    items += [(p.evidence, f"participant: {p.name}") for p in summary.participants]
    items += [(p.evidence, f"position: {p.holder}") for p in summary.positions]
    items += [(f.evidence, f"figure: {f.measures}") for f in summary.figures]
    return [(ev.start, ev.end, "pred", f"{title} ({ev.match})") for ev, title in items
            if ev is not None and ev.start is not None and ev.end is not None and evidence_holds(ev, text)]


def _ground(ev: Evidence | None, text: str) -> str:
    if ev is None:
        return ' <span class="muted">(no evidence)</span>'
    return ' <span class="ok">✓</span>' if evidence_holds(ev, text) else ' <span class="bad">✗ ungrounded</span>'


def _items_html(item: Gold | ArticleSummary, text: str | None) -> str:
    """Event, participants, positions, figures of a gold or a prediction (grounding marks for the latter)."""
    g = (lambda ev: _ground(ev, text)) if text is not None else (lambda ev: "")
    ev = item.event
    parts = [f"<h4>event</h4><p>{e(ev.description)}<br><span class='muted'>date {e(ev.date)} · location "
             f"{e(ev.location)}</span>{g(getattr(ev, 'evidence', None))}</p>" if ev else "<h4>event</h4><p>—</p>"]
    rows = [f"{e(p.name)} <span class='muted'>{e(p.kind)}{' · ' + e(', '.join(p.aliases)) if p.aliases else ''}"
            f"</span>{g(getattr(p, 'evidence', None))}" for p in item.participants]
    parts.append(f"<h4>participants ({len(rows)})</h4><ul>{''.join(f'<li>{r}</li>' for r in rows)}</ul>")
    rows = [f"<b>{e(p.holder)}</b>: {e(p.stance)}<br><q>{e(p.quote)}</q>{g(getattr(p, 'evidence', None))}"
            for p in item.positions]
    parts.append(f"<h4>positions ({len(rows)})</h4><ul>{''.join(f'<li>{r}</li>' for r in rows)}</ul>")
    rows = [f"{e(_num(f.value))} {e(f.unit)} <span class='muted'>“{e(f.text)}”</span> {e(f.measures)}"
            f"{g(getattr(f, 'evidence', None))}" for f in item.figures]
    parts.append(f"<h4>figures ({len(rows)})</h4><ul>{''.join(f'<li>{r}</li>' for r in rows)}</ul>")
    return "".join(parts)


def _article_html(result: EvalResult, gold: Gold) -> str:
    head, cols, texts = [], [f"<div><h3>gold</h3>{_items_html(gold, None)}</div>"], []
    for system, res in result.results.items():
        art = next(a for a in res.suite.articles if a.id == gold.id)
        record = result.records[system].get(gold.id)
        summary = as_summary(record.outcome()) if record else None
        text = result.texts[system][gold.id]
        head.append(f"{e(system)}: part {art.participants.f1:.2f} · pos {art.positions.f1:.2f} · "
                    f"fig {art.figures.f1:.2f}")
        if summary is not None:
            body = _items_html(summary, text)
        else:
            err = record.error if record and record.error else {"type": "Missing", "message": "no record"}
            body = f"<p class='err'>{e(err.get('type'))}</p><p>{e(err.get('message'))}</p>"
            if err.get("last_response"):
                body += f"<h4>last response</h4><pre class='text'>{e(err['last_response'])}</pre>"
        cols.append(f"<div><h3>{e(system)}</h3>{body}{errors_html(res.errors.get(gold.id))}</div>")
        spans = _gold_spans(gold, text) + _pred_spans(summary, text)
        label = "cleaned text (pipeline input)" if system == "pipeline" else "raw text (naive input)"
        texts.append(f"<details><summary>{e(label)}, {e(system)} evidence marked</summary>"
                     f"<pre class='text'>{_marked(text, spans)}</pre></details>")
    return (f"<details id='{e(gold.id)}'><summary>{e(gold.id)} <span class='muted'>{' | '.join(head)}</span>"
            f"</summary><div class='cols'>{''.join(cols)}</div>{''.join(texts)}</details>")


def to_html(result: EvalResult, gate: dict[str, Any] | None = None) -> str:
    """A self-contained page: the metrics table, then each article with gold beside predictions."""
    systems = list(result.results)
    rows = "".join(
        f"<tr><td>{e(label)}</td>" + "".join(
            f"<td>{e(with_interval(name, result.results[s].metrics.get(name), result.results[s].intervals.get(name)))}"
            "</td>" for s in systems) + "</tr>"
        for row in ROWS if row is not None for name, label in [row])
    info = result.info
    notes = "".join(f"<li>{e(w)}</li>" for w in result.warnings)
    verdict = ""
    if gate is not None:
        problems = "".join(f"<li>{e(f)}</li>" for f in gate["failures"])
        verdict = (f"<p>gate ({e(gate['key'])}): <b>{'passed' if gate['passed'] else 'FAILED'}</b></p>"
                   f"<ul class='bad'>{problems}</ul>")
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>summarizer eval · {e(info.backend)}/{e(info.model)}</title><style>{_CSS}</style></head><body>
<h1>summarizer eval</h1>
<p>{e(header(result))} · prompt {e(info.prompt_version)} ·
run {e(info.created)} · gold sha256 {e(info.gold_sha256[:12])} · <code>{e(result.run_dir)}</code></p>
{verdict}{f'<ul class="bad">{notes}</ul>' if notes else ''}
<table><tr><th>metric</th>{''.join(f'<th>{e(s)}</th>' for s in systems)}</tr>{rows}</table>
{_LEGEND}
{''.join(_article_html(result, g) for g in result.golds)}
<script>{_JS}</script></body></html>
"""
