// The editor page. Every piece of article or model data reaches the DOM through
// textContent / createTextNode, never innerHTML: a pasted article is hostile input.
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
  spans: new Map(),  // evidence id -> {start, end}
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

function evidenceId(ev, id) {
  if (!validSpan(ev, state.text.length)) return null;
  state.spans.set(id, {start: ev.start, end: ev.end});
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

function renderResults(summary, text) {
  state.summary = summary;
  state.text = text;
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
  renderArticle(text, state.spans);
  show("results");
  $("input-form").hidden = true;
  $("article-view").hidden = false;
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

// Exactly one of the right-hand panels is visible at a time.
function show(which) {
  for (const id of ["empty", "pending", "error", "results"]) $(id).hidden = id !== which;
}

function showError(type, message) {
  $("error-type").textContent = type;
  $("error-message").textContent = message;
  show("error");
}

// ---- the request -----------------------------------------------------------------------------

function looksLikeHtml(value) {
  return /^\s*</.test(value) && /<\/?(html|head|body|article|main|div|p|h1|section)\b/i.test(value);
}

function requestBody() {
  const value = $("article-input").value;
  const kind = $("kind").value === "auto" ? (looksLikeHtml(value) ? "html" : "text") : $("kind").value;
  const body = {[kind]: value};
  if ($("published").value) body.published = $("published").value;
  return body;
}

function headers() {
  const result = {"Content-Type": "application/json"};
  const key = $("api-key").value.trim();
  if (key) result["X-API-Key"] = key;
  return result;
}

async function submit(event) {
  if (event) event.preventDefault();
  if (state.controller) return;
  if (!$("article-input").value.trim()) { showError("InputError", "Paste an article first."); return; }
  const controller = new AbortController();
  state.controller = controller;
  const started = performance.now();
  const timer = setInterval(() => { $("elapsed").textContent = ((performance.now() - started) / 1000).toFixed(1); }, 100);
  $("elapsed").textContent = "0.0";
  $("submit").disabled = true;
  show("pending");
  try {
    const response = await fetch("/v1/summaries?include_text=true", {
      method: "POST", headers: headers(), body: JSON.stringify(requestBody()), signal: controller.signal,
    });
    const data = await response.json().catch(() => ({type: "HTTPError", message: `HTTP ${response.status}`}));
    if (!response.ok) return failed(response, data);
    renderResults(data.summary, data.text);
  } catch (err) {
    if (err.name === "AbortError") show(state.summary ? "results" : "empty");
    else showError("NetworkError", `The server could not be reached (${err.message}).`);
  } finally {
    clearInterval(timer);
    state.controller = null;
    $("submit").disabled = false;
  }
}

function failed(response, data) {
  let message = data.message || `HTTP ${response.status}`;
  const retry = response.headers.get("Retry-After");
  if (retry) message += ` (retry in ${retry} s)`;
  if (response.status === 401) {
    $("key-box").open = true;
    $("api-key").focus();
  }
  showError(data.type || `HTTP ${response.status}`, message);
}

// ---- copy / download -----------------------------------------------------------------------

function summaryJson() {
  return JSON.stringify(state.summary, null, 2) + "\n";
}

function toast(text) {
  $("toast").textContent = text;
  setTimeout(() => { $("toast").textContent = ""; }, 2000);
}

async function copyJson() {
  try {
    await navigator.clipboard.writeText(summaryJson());
    toast("Copied");
  } catch {
    // No clipboard API outside secure contexts (plain http on a LAN address): copy by selection.
    const area = h("textarea", {class: "offscreen"});
    area.value = summaryJson();
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    toast(ok ? "Copied" : "Copy failed");
  }
}

function downloadJson() {
  const slug = (state.summary.headline || "summary").toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 60);
  const url = URL.createObjectURL(new Blob([summaryJson()], {type: "application/json"}));
  const link = h("a", {href: url, download: `${slug.replace(/^-|-$/g, "") || "summary"}.json`});
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- input: paste, drop, open ----------------------------------------------------------------

function loadFile(file) {
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    $("article-input").value = String(reader.result);
    if (/\.html?$/i.test(file.name) || file.type === "text/html") $("kind").value = "html";
    else if (/\.txt$/i.test(file.name) || file.type === "text/plain") $("kind").value = "text";
    updateSize();
  };
  reader.readAsText(file);
}

function updateSize() {
  const n = $("article-input").value.length;
  $("input-size").textContent = n ? `${n.toLocaleString()} characters` : "";
}

function wireInput() {
  const zone = $("dropzone");
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("dragging"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("dragging");
    loadFile(e.dataTransfer.files[0]);
  });
  $("file-input").addEventListener("change", (e) => loadFile(e.target.files[0]));
  $("article-input").addEventListener("input", updateSize);
  $("article-input").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit(e);
  });
}

// ---- server status ---------------------------------------------------------------------------

async function pollReady() {
  const badge = $("server-status");
  try {
    const response = await fetch("/readyz", {cache: "no-store"});
    const data = await response.json();
    badge.dataset.state = data.status;
    badge.textContent = data.status === "ready" ? `ready · ${data.backend}/${data.model}`
      : data.status === "loading" ? "model loading…" : `not ready: ${data.detail || data.status}`;
    if (data.status === "ready") return;
  } catch {
    badge.dataset.state = "down";
    badge.textContent = "server unreachable";
  }
  setTimeout(pollReady, 3000);
}

document.addEventListener("DOMContentLoaded", () => {
  wireInput();
  $("input-form").addEventListener("submit", submit);
  $("cancel-button").addEventListener("click", () => state.controller && state.controller.abort());
  $("edit-button").addEventListener("click", () => {
    $("article-view").hidden = true;
    $("input-form").hidden = false;
    $("article-input").focus();
  });
  $("copy-button").addEventListener("click", copyJson);
  $("download-button").addEventListener("click", downloadJson);
  $("article-text").addEventListener("click", (e) => {
    // Clicking marked text selects the (first) item it is evidence for.
    const mark = e.target.closest("mark.ev[data-refs]");
    if (!mark) return;
    const id = mark.dataset.refs.split(" ")[0];
    select(id);
    const item = document.querySelector(`.item[data-ev="${id}"]`);
    if (item) item.scrollIntoView({block: "nearest", behavior: "smooth"});
  });
  pollReady();
});
