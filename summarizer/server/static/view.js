// The summary view, shared by the editor page (/) and the static HTML pages that
// `summarizer summarize --format html` and `summarizer render --html` write: one renderer.
// Every piece of article or model data reaches the DOM through textContent /
// createTextNode, never innerHTML: an article is hostile input.
"use strict";

const $ = (id) => document.getElementById(id);

// h("li", {class: "item"}, "text", child) -> element; strings become text nodes.
function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const state = {
  summary: null,     // the ArticleSummary of the last run
  text: "",          // the cleaned text its evidence offsets point into
  spans: new Map(),  // evidence id -> {start, end}, in UTF-16 units of `text`
  units: null,       // code point offset -> UTF-16 offset, when `text` has astral characters
  segments: [],      // the article view's children, cut at every evidence boundary
  active: null,      // the <mark class="ev active"> wrapper currently shown
  selected: null,    // the evidence id the user clicked (hover previews others)
  controller: null,  // AbortController of the request in flight
};

// ---- article view and evidence highlighting ------------------------------------------------

function validSpan(ev, length) {
  return ev && Number.isInteger(ev.start) && Number.isInteger(ev.end) &&
    ev.start >= 0 && ev.start < ev.end && ev.end <= length;
}

// Cut the text at every evidence boundary, so any span is a run of whole segments; a segment
// under one or more spans is a <mark class="ev">, the rest plain text nodes.
function renderArticle(text, spans) {
  const container = $("article-text");
  container.replaceChildren();
  state.segments = [];
  state.active = null;
  const cuts = new Set([0, text.length]);
  for (const span of spans.values()) { cuts.add(span.start); cuts.add(span.end); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i], end = points[i + 1];
    const refs = [...spans].filter(([, s]) => s.start <= start && s.end >= end).map(([id]) => id);
    const piece = text.slice(start, end);
    const node = refs.length ? h("mark", {class: "ev", dataset: {refs: refs.join(" ")}}, piece)
                             : document.createTextNode(piece);
    container.appendChild(node);
    state.segments.push({start, end, node});
  }
}

function clearHighlight() {
  const wrap = state.active;
  if (!wrap) return;
  while (wrap.firstChild) wrap.parentNode.insertBefore(wrap.firstChild, wrap);
  wrap.remove();
  state.active = null;
  document.querySelectorAll(".item.hot").forEach((el) => el.classList.remove("hot"));
}

// Wrap the segments of one span in a single <mark class="ev active">, whose text is then
// exactly text[start:end] even where spans overlap.
function highlight(id, scroll) {
  clearHighlight();
  const span = state.spans.get(id);
  if (!span) return;
  const first = state.segments.findIndex((s) => s.start === span.start);
  const last = state.segments.findIndex((s) => s.end === span.end);
  if (first < 0 || last < first) return;
  const wrap = h("mark", {class: "ev active", dataset: {ref: id}});
  state.segments[first].node.before(wrap);
  for (let k = first; k <= last; k++) wrap.appendChild(state.segments[k].node);
  state.active = wrap;
  document.querySelectorAll(`.item[data-ev="${id}"]`).forEach((el) => el.classList.add("hot"));
  if (scroll) wrap.scrollIntoView({block: "center", behavior: "smooth"});
}

function select(id) {
  state.selected = state.selected === id ? null : id;
  document.querySelectorAll(".item.selected").forEach((el) => el.classList.remove("selected"));
  if (state.selected) {
    document.querySelectorAll(`.item[data-ev="${id}"]`).forEach((el) => el.classList.add("selected"));
    highlight(id, true);
  } else {
    clearHighlight();
  }
}

// Items carry data-ev when their evidence has a usable span; hover previews, click selects.
function wireItem(node, id) {
  if (!id) return node;
  node.dataset.ev = id;
  node.tabIndex = 0;
  node.setAttribute("role", "button");
  node.addEventListener("mouseenter", () => highlight(id, false));
  node.addEventListener("mouseleave", () => (state.selected ? highlight(state.selected, false) : clearHighlight()));
  node.addEventListener("click", () => select(id));
  node.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(id); }
  });
  return node;
}

// ---- results -------------------------------------------------------------------------------

function evidenceBadge(ev, id) {
  if (!ev) return h("span", {class: "badge missing", title: "The model gave no evidence"}, "no evidence");
  if (!id) return h("span", {class: "badge missing", title: ev.quote}, "not located");
  const label = ev.match === "fuzzy" && ev.score != null ? `fuzzy ${Math.round(ev.score)}` : (ev.match || "located");
  return h("span", {class: `badge match-${ev.match || "exact"}`, title: "Where this comes from in the article"}, label);
}

function renderList(listId, items, build) {
  const list = $(listId);
  list.replaceChildren();
  $(`${listId}-count`).textContent = items.length ? String(items.length) : "";
  if (!items.length) list.appendChild(h("li", {class: "none"}, "None found."));
  items.forEach((item, i) => {
    const id = evidenceId(item.evidence, `${listId}-${i}`);
    list.appendChild(wireItem(h("li", {class: "item"}, build(item), evidenceBadge(item.evidence, id)), id));
  });
}

// Offsets count code points (Python str indices); JavaScript strings count UTF-16 units, so
// text with characters beyond the BMP (emoji, some CJK) needs the offsets mapped.
function codePointUnits(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return null;
  const units = [];
  let unit = 0;
  for (const ch of text) { units.push(unit); unit += ch.length; }
  units.push(unit);
  return units;
}

function evidenceId(ev, id) {
  const length = state.units ? state.units.length - 1 : state.text.length;
  if (!validSpan(ev, length)) return null;
  const at = (n) => (state.units ? state.units[n] : n);
  state.spans.set(id, {start: at(ev.start), end: at(ev.end)});
  return id;
}

function renderEvent(event) {
  const box = $("event");
  box.replaceChildren();
  if (!event) { box.appendChild(h("p", {class: "none"}, "No event identified.")); return; }
  const facts = [["When", event.date ? `${event.date}${event.date_text ? ` (“${event.date_text}”)` : ""}` : event.date_text],
                 ["Where", event.location], ["Type", event.type]].filter(([, v]) => v);
  const id = evidenceId(event.evidence, "event");
  box.appendChild(wireItem(h("div", {class: "item event"},
    h("p", {class: "event-description"}, event.description),
    h("dl", {class: "facts"}, facts.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
    evidenceBadge(event.evidence, id)), id));
}

// The results pane's sections, built once into `container`; renderResults fills them.
function buildResultsView(container) {
  const card = (title, listId) => h("section", {class: "card"},
    h("h3", {}, title, " ", h("span", {class: "count", id: `${listId}-count`})), h("ul", {id: listId, class: "items"}));
  container.replaceChildren(
    h("div", {id: "warnings", class: "warnings", hidden: true}, h("h3", {}, "Warnings"), h("ul", {id: "warnings-list"})),
    h("h1", {id: "headline", class: "headline"}),
    h("p", {id: "summary", class: "lede"}),
    h("section", {class: "card", id: "event-card"}, h("h3", {}, "Event"), h("div", {id: "event"})),
    card("Participants", "participants"), card("Positions", "positions"), card("Figures", "figures"),
    h("footer", {id: "meta", class: "meta"}));
}

// Clicking marked text selects the (first) item it is evidence for.
function wireArticleClicks() {
  $("article-text").addEventListener("click", (e) => {
    const mark = e.target.closest("mark.ev[data-refs]");
    if (!mark) return;
    const id = mark.dataset.refs.split(" ")[0];
    select(id);
    const item = document.querySelector(`.item[data-ev="${id}"]`);
    if (item) item.scrollIntoView({block: "nearest", behavior: "smooth"});
  });
}

// Render one summary and the cleaned text its offsets index (text may be empty: no marks then).
function renderResults(summary, text) {
  state.summary = summary;
  state.text = text || "";
  state.units = codePointUnits(state.text);
  state.spans = new Map();
  state.selected = null;
  $("headline").textContent = summary.headline;
  $("summary").textContent = summary.summary;
  renderEvent(summary.event);
  renderList("participants", summary.participants, (p) => [
    h("div", {class: "item-title"}, h("strong", {}, p.name), h("span", {class: "kind"}, p.kind)),
    p.role ? h("div", {class: "item-sub"}, p.role) : null,
    p.aliases && p.aliases.length ? h("div", {class: "item-sub muted"}, `also: ${p.aliases.join(", ")}`) : null,
  ]);
  renderList("positions", summary.positions, (p) => [
    h("div", {class: "item-title"}, h("strong", {}, p.holder), p.topic ? h("span", {class: "kind"}, p.topic) : null),
    h("div", {class: "item-sub"}, p.stance),
    p.quote ? h("blockquote", {}, p.quote) : null,
  ]);
  renderList("figures", summary.figures, (f) => [
    h("div", {class: "item-title"}, h("strong", {class: "figure"}, f.text), h("span", {class: "kind"}, f.unit)),
    h("div", {class: "item-sub"}, f.measures),
    f.period ? h("div", {class: "item-sub muted"}, f.period) : null,
  ]);
  renderWarnings(summary.meta.warnings || []);
  renderMeta(summary.meta);
  renderArticle(state.text, state.spans);
}

function renderWarnings(warnings) {
  $("warnings-list").replaceChildren(...warnings.map((w) => h("li", {}, w)));
  $("warnings").hidden = warnings.length === 0;
}

function renderMeta(m) {
  const tokens = m.tokens ? m.tokens.prompt + m.tokens.completion : 0;
  const parts = [`${m.backend}/${m.model}`, `${(m.latency_s || 0).toFixed(1)} s`, `${m.attempts} call(s)`,
                 `${tokens} tokens`, m.cached ? "cached" : null, m.language ? `lang ${m.language}` : null,
                 `prompt ${m.prompt_version}`, `schema ${m.schema_version}`].filter(Boolean);
  $("meta").textContent = parts.join(" · ");
}
