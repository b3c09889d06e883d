"""Static HTML views of summaries: one self-contained file, no server, no network.

`page()` writes one article (`summarizer summarize --format html`); `batch_page()` a whole
batch output with a list of articles (`summarizer render batch.jsonl --html out.html`).
Both run the editor page's own renderer (`server/static/view.js`) with its stylesheet, so
the service and the files show a summary alike: hover or click an item to mark its evidence.

Strict by construction: the data travels as JSON in a `<script type="application/json">`
element with `<`, `>`, `&` and the JavaScript line separators escaped, and reaches the DOM
through `textContent` only; a Content-Security-Policy meta tag allows nothing but the page's
own inline script and style, by hash (no CDN, no fetch, no images but data: URLs).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from importlib import resources
from typing import Any

from summarizer.schema import ArticleSummary

_STATIC = resources.files("summarizer.server") / "static"

_EXTRA_CSS = """
.static-page .layout { height: calc(100vh - 52px); }
.article-list { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 14px; padding: 0; list-style: none; }
.article-list button { font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 999px; cursor: pointer;
  border: 1px solid var(--line); background: var(--panel); color: var(--ink); max-width: 100%;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.article-list button[aria-current="true"] { background: var(--accent-soft); border-color: var(--accent); }
.article-list button.failed { color: #a12a2a; }
.no-text { color: var(--muted); font-style: italic; }
"""

_BOOT_JS = """
document.addEventListener("DOMContentLoaded", () => {
  const entries = JSON.parse(document.getElementById("summaries").textContent);
  buildResultsView($("view"));
  wireArticleClicks();
  const list = $("article-list");
  function open(i) {
    const entry = entries[i];
    if (list) list.querySelectorAll("button").forEach((b, k) => b.setAttribute("aria-current", String(k === i)));
    $("entry-error").hidden = !entry.error;
    $("view").hidden = Boolean(entry.error);
    if (entry.error) {
      $("entry-error-type").textContent = entry.error.type || "error";
      $("entry-error-message").textContent = entry.error.message || "";
      $("article-text").replaceChildren();
      return;
    }
    renderResults(entry.summary, entry.text || "");
    if (!entry.text) {
      $("article-text").replaceChildren(h("p", {class: "no-text"},
        "The cleaned text is not in this output, so evidence cannot be marked here; " +
        "run with --include-text to keep it."));
    }
  }
  if (list) {
    entries.forEach((entry, i) => {
      const label = entry.summary ? `${entry.id}: ${entry.summary.headline}` : `${entry.id}: failed`;
      const button = h("button", {type: "button", class: entry.error ? "failed" : null, title: label}, label);
      button.addEventListener("click", () => open(i));
      list.appendChild(h("li", {}, button));
    });
  }
  if (entries.length) open(0);
});
"""

_TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>{title}</title>
<style>{css}</style>
</head>
<body class="static-page">
<header class="topbar">
  <div class="brand">Summarizer <span class="brand-sub">{subtitle}</span></div>
  <div class="server-status" data-state="ready">{status}</div>
</header>
<main class="layout">
  <section class="pane article-pane" aria-label="Article">
    {article_list}
    <div id="article-view" class="article-view">
      <div class="pane-head"><h2>Article <span class="muted">cleaned text · evidence marked</span></h2></div>
      <div id="article-text" class="article-text" aria-live="polite"></div>
    </div>
  </section>
  <section class="pane results-pane" aria-label="Summary">
    <div id="entry-error" class="error-box" role="alert" hidden>
      <div class="error-type" id="entry-error-type"></div><div id="entry-error-message"></div>
    </div>
    <article id="results" class="results"><div id="view"></div></article>
  </section>
</main>
<script type="application/json" id="summaries">{data}</script>
<script>{script}</script>
</body>
</html>
"""


def page(summary: ArticleSummary, text: str | None = None, *, title: str | None = None) -> str:
    """One summary as a self-contained HTML page; `text` is the cleaned text its offsets index."""
    entry = {"id": "article", "summary": summary.model_dump(mode="json"), "text": text}
    return _render([entry], title=title or summary.headline, subtitle="one article", with_list=False)


def batch_page(lines: list[dict[str, Any]], *, title: str = "batch") -> str:
    """Batch output lines (`{"id", "summary", "text"?}` or `{"id", "error"}`) as one page with a
    list of articles; lines that are neither are skipped by the caller."""
    failed = sum(1 for line in lines if line.get("error"))
    status = f"{len(lines)} article(s)" + (f", {failed} failed" if failed else "")
    return _render(lines, title=title, subtitle=status, with_list=True)


def script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element: no `</script>`, no `<!--`, no U+2028/9 surprises."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _render(entries: list[dict[str, Any]], *, title: str, subtitle: str, with_list: bool) -> str:
    css = (_STATIC / "app.css").read_text(encoding="utf-8") + _EXTRA_CSS
    script = (_STATIC / "view.js").read_text(encoding="utf-8") + _BOOT_JS
    csp = (f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(css)}; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    article_list = '<ul id="article-list" class="article-list" aria-label="Articles"></ul>' if with_list else ""
    return _TEMPLATE.format(
        csp=csp, title=html.escape(title), css=css, subtitle=html.escape(subtitle),
        status=html.escape("static page, works offline"), article_list=article_list,
        data=script_json(entries), script=script,
    )


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
