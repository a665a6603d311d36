// A complaint's page: its whole life across the topics, in order, with the classifier's evidence marked in
// the text, and the promises of an update made to the customer with the updates given. Refetched whenever the
// server says its timeline (or the open list) changed. Every value is put in as text (heed.el), never as markup:
// the customer's words and an agent's update are untrusted.
"use strict";

const id = new URLSearchParams(location.search).get("id") || "";
const byId = name => document.getElementById(name);
const page = { skew: 0 };

// What a response-due or a sent record is, in words; the stage's name for everything else.
const DUE_LABELS = {
  WARNING: "first response due soon", BREACH: "first response overdue", REPEAT: "first response still overdue",
  PROMISE_WARNING: "promised update due soon", PROMISE_BROKEN: "promise broken", PROMISE_REPEAT: "promise still broken",
  RESOLUTION_WARNING: "resolution due soon", RESOLUTION_BREACH: "resolution overdue", RESOLUTION_REPEAT: "resolution still overdue",
  REOPENED: "reopened: agents told",
};
// An update that resolves or reopens its complaint says so (details.action; none for a plain update).
const UPDATE_LABELS = { RESOLVE: "resolved", REOPEN: "reopened", WAIT_ON_CUSTOMER: "on hold: waiting on the customer",
  WAIT_ON_THIRD_PARTY: "on hold: waiting on a third party", RESUME: "taken off hold" };
const UPDATE_NOUNS = { RESOLVE: "resolution", REOPEN: "reopening", WAIT_ON_CUSTOMER: "wait", WAIT_ON_THIRD_PARTY: "wait",
  RESUME: "resumption" };
const WAITING = { WAITING_ON_CUSTOMER: "on hold, waiting on the customer", WAITING_ON_THIRD_PARTY: "on hold, waiting on a third party" };
const WAITING_ON = { CUSTOMER: "the customer", THIRD_PARTY: "a third party" };
const HOLD_ACTIONS = ["WAIT_ON_CUSTOMER", "WAIT_ON_THIRD_PARTY", "RESUME"];
const SENT_LABELS = { CUSTOMER_REPLY: "reply sent", CUSTOMER_UPDATE: "update sent to the customer", AGENT_NOTIFICATION: "agents notified" };

function label(e) {
  if (e.stage === "REMINDER") return DUE_LABELS[e.details.kind] || "reminder";
  if (e.stage === "REPLY_SENT") return SENT_LABELS[e.details.kind] || "sent";
  if (e.stage === "UPDATED" && e.details.problem) return `resolved by the fix of known problem ${e.details.problem}`;
  if (e.stage === "UPDATED") return UPDATE_LABELS[e.details.action] || "update given";
  if (e.stage === "CUSTOMER_REPLY") return e.details.negative ? "customer's reply (negative)" : "customer's reply";
  if (e.stage === "VERDICT") return e.details.classified ? "verdict classified" : "customer's verdict";
  return e.stage.replace("_", " ").toLowerCase();
}

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
  } else if (e.stage === "UPDATED") body.push(heed.el("p", { class: "text" }, d.message), details(d, ["message"]));
  else if (e.stage === "CUSTOMER_REPLY") body.push(replyLink(d.feedbackId), details(d, ["feedbackId", "negative"]));
  else if (e.stage === "VERDICT" && d.classified) body.push(highlighted(d.segments), details(d, ["segments", "evidence", "classified"]));
  else if (e.stage === "VERDICT") body.push(heed.el("p", { class: "text" }, d.text), details(d, ["text"]));
  else body.push(details(d, []));
  const clock = e.stage === "REMINDER" && /^(PROMISE|RESOLUTION)_/.exec(d.kind || "");
  return heed.el("li", { class: e.stage + (clock ? " " + clock[1] : "") + (d.negative ? " negative" : ""), "data-stage": e.stage, "data-kind": d.kind || null },
    heed.el("span", { class: "stage" }, label(e)),
    heed.el("span", { class: "when" }, heed.time(e.at)),
    heed.el("div", { class: "where" }, `${e.topic} · partition ${e.partition} · offset ${e.offset}`),
    body);
}

// Routing's latency for one stage: how long after it was received the feedback reached it ("" when unknown).
function afterReceipt(ms) {
  return ms == null ? "" : ` ${heed.latency(ms)} after receipt`;
}

// Where the complaint stands: resolved (by whom, when) or reopened from routing's state row, else acknowledged or open.
function standing(f, open) {
  if (f.status === "RESOLVED" && f.fixedByProblem) return `resolved by the fix of known problem ${f.fixedByProblem}`
    + (f.resolvedAt ? " at " + heed.time(f.resolvedAt) : "");
  if (f.status === "RESOLVED") return `resolved${f.resolvedBy ? " by " + f.resolvedBy : ""}${f.resolvedAt ? " at " + heed.time(f.resolvedAt) : ""}`;
  if (f.status === "REOPENED") return "reopened";
  if (WAITING[f.status]) return WAITING[f.status];
  return f.acknowledged ? "acknowledged" : open ? "open" : "";
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
    `level ${f.level}`, standing(f, view.open), f.customerAnswered ? "customer answered" : "",
    f.verdict && f.verdict.score != null ? `customer's verdict ${f.verdict.score} of 5` : ""]
    .filter(Boolean).join(" · ");
  byId("timeline").replaceChildren(...view.timeline.map(entry));
  renderVerdict(f.verdict);
  page.skew = Date.parse(view.now) - Date.now();
  renderHold(f.hold, view.timeline);
  renderReplies(f.replies, view.timeline);
  tick();
  renderPromises(view.promises);
}

// A reply is feedback of its own: its text and classification are on its own page.
function replyLink(feedbackId) {
  return heed.el("a", { class: "reply-link", href: "complaint.html?id=" + encodeURIComponent(feedbackId) }, `reply ${feedbackId}`);
}

// Routing's hold figures (complaints.state) and the waits and resumes of the timeline. While on hold the time held so
// far counts up in the page (tick): the resolution clock is paused, nothing counts down.
function renderHold(h, timeline) {
  const events = timeline.filter(e => e.stage === "UPDATED" && HOLD_ACTIONS.includes(e.details.action));
  byId("hold-panel").hidden = !h || (h.pauses === 0 && events.length === 0);
  if (byId("hold-panel").hidden) return;
  byId("hold").replaceChildren(...(h.waitingOn
    ? [heed.el("strong", { class: "soon" }, `On hold, waiting on ${WAITING_ON[h.waitingOn]}`), ` since ${heed.time(h.since)}; `
      + "the resolution clock is paused."]
    : [heed.el("span", { class: "fine" }, "Not on hold"), events.length ? `; last taken off hold ${resumedText(events, timeline)}.` : "."]));
  byId("hold-total").replaceChildren(`Put on hold ${h.pauses} time${h.pauses === 1 ? "" : "s"}, held `,
    heed.el("span", { class: "held", "data-held": h.heldMillis, "data-since": h.since ? Date.parse(h.since) : null }),
    " in all (routing's count, complaints.state).");
  byId("holds").replaceChildren(...events.map(e => heed.el("li", { "data-action": e.details.action },
    heed.el("strong", {}, heed.time(e.at)), ` ${UPDATE_LABELS[e.details.action]} by ${e.details.agent}`)));
}

// What ended the last hold: an agent's resume, or (after the last wait) the customer's reply or a resolution.
function resumedText(events, timeline) {
  const last = events[events.length - 1];
  if (last.details.action === "RESUME") return `at ${heed.time(last.at)} by ${last.details.agent}`;
  const after = timeline.find(e => Date.parse(e.at) >= Date.parse(last.at)
    && (e.stage === "CUSTOMER_REPLY" || (e.stage === "UPDATED" && e.details.action === "RESOLVE")));
  if (!after) return "(what ended it is not in the timeline)";
  return after.stage === "CUSTOMER_REPLY" ? `by the customer's reply at ${heed.time(after.at)}` : `by the resolution at ${heed.time(after.at)}`;
}

// Routing's count of the customer's replies (complaints.state), and each reply the timeline holds, negative ones marked.
function renderReplies(r, timeline) {
  byId("replies-panel").hidden = !r || r.count === 0;
  if (byId("replies-panel").hidden) return;
  byId("replies").replaceChildren(`${r.count} repl${r.count === 1 ? "y" : "ies"} from the customer, `,
    heed.el("span", { class: r.negative > 0 ? "overdue" : "" }, `${r.negative} negative`),
    `; the last at ${heed.time(r.lastAt)}${r.lastNegative ? " (negative)" : ""}: `, replyLink(r.lastFeedbackId));
  byId("reply-list").replaceChildren(...timeline.filter(e => e.stage === "CUSTOMER_REPLY").map(e =>
    heed.el("li", { "data-reply": e.details.feedbackId, class: e.details.negative ? "negative" : null },
      heed.el("strong", {}, heed.time(e.at)), " ", replyLink(e.details.feedbackId),
      e.details.negative ? heed.el("span", { class: "overdue" }, " negative") : null)));
}

// Routing's record of the customer's last verdict (complaints.state), with its words once the feedback is read.
function renderVerdict(v) {
  byId("verdict-panel").hidden = !v || (v.score == null && v.resolutions === 0);
  if (byId("verdict-panel").hidden) return;
  if (v.score == null) {
    byId("verdict").replaceChildren(heed.el("span", { class: "quiet" }, "Resolved; the customer has not answered how we did yet."));
    return;
  }
  byId("verdict").replaceChildren(heed.el("strong", { class: v.score <= 2 ? "overdue" : "fine" }, `${v.score} of 5`),
    ` at ${heed.time(v.at)}${v.score <= 2 ? " (negative: a resolved complaint is reopened and escalated a level)" : ""}`,
    v.text ? heed.el("p", { class: "text" }, v.text) : null);
}

const MADE_WITH = { ACKNOWLEDGEMENT: "the acknowledgement", UPDATE: "update" };

function outcome(p) {
  const by = p.endedWith === "UPDATE" ? ` (update ${p.endedBy})` : p.endedWith ? " (a new acknowledgement)" : "";
  if (p.outcome === "KEPT") return [heed.el("span", { class: "fine" }, "kept"), ` at ${heed.time(p.endedAt)}${by}`];
  if (p.outcome === "REPLACED") return [heed.el("span", { class: "soon" }, "replaced"),
    p.endedWith === "UPDATE" ? ` by a delay at ${heed.time(p.endedAt)}${by}` : ` by a new acknowledgement at ${heed.time(p.endedAt)}`];
  if (p.outcome === "BROKEN") return [heed.el("span", { class: "overdue" }, "broken"), ` at ${heed.time(p.dueBy)}`,
    p.brokenReportedAt ? ` (routing reported it at ${heed.time(p.brokenReportedAt)})` : "",
    p.endedAt ? `; updated late at ${heed.time(p.endedAt)}${by}` : ""];
  // Open: the time left runs in the page, from the server's clock.
  return [heed.el("span", { class: "open" }, "open"), ", ",
    heed.el("span", { class: "countdown", "data-due": Date.parse(p.dueBy) })];
}

function promiseItem(p) {
  const made = p.madeWith === "UPDATE" ? `update ${p.updateId}` : MADE_WITH[p.madeWith];
  return heed.el("li", { "data-promise": p.number, "data-outcome": p.outcome },
    heed.el("div", {}, heed.el("strong", {}, `Promise ${p.number}`),
      ` made ${heed.time(p.madeAt)} by ${p.madeBy} with ${made}, update due by ${heed.time(p.dueBy)}`),
    heed.el("div", { class: "outcome" }, outcome(p)),
    p.points.length ? heed.el("div", { class: "quiet" }, p.points.map(point =>
      `${DUE_LABELS[point.kind] || point.kind} ${heed.time(point.emittedAt)} (reminder ${point.reminder}, ${point.level})`).join("; ")) : null);
}

function delivery(u) {
  const d = u.delivery;
  if (!d) return heed.el("span", { class: "quiet" }, "delivery not recorded yet");
  if (d.outcome === "SENT") return heed.el("span", { class: "fine" }, `delivered by ${d.channel.toLowerCase()} ${heed.time(d.sentAt)}`);
  return heed.el("span", { class: "error" }, `not delivered: ${d.outcome.toLowerCase()}${d.error ? " — " + d.error : ""} (${heed.time(d.sentAt)})`);
}

function updateItem(u) {
  const next = u.nextUpdateBy ? (u.delay ? `delay: next update now by ${heed.time(u.nextUpdateBy)}` : `next update promised by ${heed.time(u.nextUpdateBy)}`) : "";
  return heed.el("li", { "data-update-id": u.updateId },
    heed.el("div", {}, heed.el("strong", {}, heed.time(u.at)), ` ${u.agent}${u.team ? " (" + u.team + ")" : ""}, `
      + `${UPDATE_NOUNS[u.action] || "update"} ${u.updateId}`),
    heed.el("p", { class: "text" }, u.message),
    next ? heed.el("div", {}, next) : null,
    heed.el("div", { class: "delivery" }, delivery(u)));
}

function renderPromises(ledger) {
  const shown = ledger && (ledger.promises.length > 0 || ledger.updates.length > 0 || (ledger.routing && ledger.routing.made > 0));
  byId("promises-panel").hidden = !shown;
  if (!shown) return;
  const counts = c => `${c.made} made · ${c.kept} kept · ${c.replaced} replaced · ${c.broken} broken`;
  byId("promise-counts").textContent = ledger.routing ? `routing's count (complaints.state): ${counts(ledger.routing)}`
    : "no complaints.state row read yet; as read from the events: " + counts(ledger.read);
  const mismatch = ledger.routing && !ledger.agrees;
  byId("promise-mismatch").hidden = !mismatch;
  byId("promise-mismatch").textContent = mismatch ? `The events the console holds read ${counts(ledger.read)}: `
    + "some are not read yet or were dropped by the timeline index's bound." : "";
  byId("promises").replaceChildren(...ledger.promises.map(promiseItem));
  byId("updates").replaceChildren(...ledger.updates.map(updateItem));
  byId("updates-empty").hidden = ledger.updates.length > 0;
  tick();
}

// An open promise's time left, counted down here as the open list's countdown is.
function tick() {
  const now = Date.now() + page.skew;
  document.querySelectorAll(".countdown[data-due]").forEach(node => {
    const left = Number(node.dataset.due) - now;
    node.textContent = left < 0 ? `overdue ${heed.duration(left)}, not reported broken yet` : `${heed.duration(left)} left`;
    node.className = "countdown" + (left < 0 ? " overdue" : left < 15 * 60 * 1000 ? " soon" : "");
  });
  // The time held in all: the ended holds, and the current one so far.
  document.querySelectorAll(".held[data-held]").forEach(node => {
    const since = node.dataset.since ? Number(node.dataset.since) : null;
    node.textContent = heed.duration(Number(node.dataset.held) + (since ? Math.max(0, now - since) : 0));
  });
}

heed.stream({ complaints: load, timeline: changed => { if (!changed.ids || changed.ids.includes(id)) load(); } },
  () => { location.href = "index.html"; });
heed.signOutButton(() => { location.href = "index.html"; });
setInterval(tick, 1000);
load();
