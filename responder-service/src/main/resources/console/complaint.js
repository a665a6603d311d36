// A complaint's page: its whole life across the topics, in order, with the classifier's evidence marked in
// the text. Refetched whenever the server says its timeline (or the open list) changed.
"use strict";

const id = new URLSearchParams(location.search).get("id") || "";
const byId = name => document.getElementById(name);

function details(map, skip) {
  const rows = Object.entries(map).filter(([key, value]) => !skip.includes(key) && value != null).flatMap(([key, value]) => [
    heed.el("dt", {}, key),
    heed.el("dd", {}, /At$|By$/.test(key) ? heed.time(value) : Array.isArray(value) ? value.join(", ") : value),
  ]);
  return heed.el("dl", {}, rows);
}

function highlighted(segments) {
  return heed.el("p", { class: "text" }, segments.map(s =>
    s.rules.length ? heed.el("mark", { title: s.rules.join("; ") }, s.text) : s.text));
}

function entry(e) {
  const d = e.details;
  const body = [];
  if (e.stage === "RECEIVED") body.push(heed.el("p", { class: "text" }, d.text), details(d, ["text"]));
  else if (e.stage === "CLASSIFIED") {
    body.push(highlighted(d.segments), details(d, ["segments", "evidence"]));
    body.push(heed.el("ul", {}, d.evidence.map(ev => heed.el("li", {}, `${ev.rule} → ${ev.decision}`,
      ev.text ? ` (“${ev.text}”)` : "", ` weight ${ev.weight}`))));
  } else body.push(details(d, []));
  return heed.el("li", { class: e.stage, "data-stage": e.stage },
    heed.el("span", { class: "stage" }, e.stage.replace("_", " ").toLowerCase()),
    heed.el("span", { class: "when" }, heed.time(e.at)),
    heed.el("div", { class: "where" }, `${e.topic} · partition ${e.partition} · offset ${e.offset}`),
    body);
}

// Routing's latency for one stage: how long after it was received the feedback reached it ("" when unknown).
function afterReceipt(ms) {
  return ms == null ? "" : ` ${heed.latency(ms)} after receipt`;
}

async function load() {
  const response = await fetch("/console/api/complaints/" + encodeURIComponent(id));
  if (response.status === 401) { location.href = "index.html"; return; }
  if (response.status !== 200) {
    const problem = await response.json().catch(() => ({}));
    byId("missing").hidden = false;
    byId("missing").textContent = problem.detail || `Nothing known of ${id}.`;
    return;
  }
  const view = await response.json();
  const f = view.facts;
  byId("title").textContent = id;
  byId("summary").textContent = [f.subject, f.severity,
    f.classifiedAfterMillis != null ? `classified${afterReceipt(f.classifiedAfterMillis)}` : "",
    f.escalatedAt ? `escalated${afterReceipt(f.escalatedAfterMillis)}${f.confidence != null ? ` (confidence ${f.confidence.toFixed(2)})` : ""}, due ${heed.time(f.dueAt)}`
      : "not escalated",
    `level ${f.level}`, f.acknowledged ? "acknowledged" : view.open ? "open" : "", f.customerAnswered ? "customer answered" : ""]
    .filter(Boolean).join(" · ");
  byId("timeline").replaceChildren(...view.timeline.map(entry));
}

heed.stream({ complaints: load, timeline: changed => { if (!changed.ids || changed.ids.includes(id)) load(); } },
  () => { location.href = "index.html"; });
heed.signOutButton(() => { location.href = "index.html"; });
load();
