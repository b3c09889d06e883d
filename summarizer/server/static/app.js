// The editor page: input, the request, copy and download. The summary view itself is
// view.js (loaded first), shared with the static HTML pages.
"use strict";

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
    show("results");
    $("input-form").hidden = true;
    $("article-view").hidden = false;
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
  buildResultsView($("view"));
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
  wireArticleClicks();
  pollReady();
});
