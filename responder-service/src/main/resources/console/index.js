// The console's front page: sign-in, the open list with its countdown and acknowledge buttons, the
// completeness figure and the topic dashboard, all kept current by server-sent events.
"use strict";

// Below this the classifier doubts its own escalation (the escalation reasons say "low" too): a person should check.
const LOW_CONFIDENCE = 0.7;

const state = { skew: 0, stream: null };
const byId = id => document.getElementById(id);

function showSignIn(error, note) {
  if (state.stream) state.stream.close();
  sessionStorage.removeItem("heed.token");
  byId("console").hidden = true;
  byId("signout").hidden = true;
  byId("signin").hidden = false;
  byId("signin-error").textContent = error || "";
  byId("signin-note").textContent = note || "";
}

async function signIn(event) {
  event.preventDefault();
  const token = byId("token").value.trim();
  const response = await fetch("/console/api/session", { method: "POST", headers: { Authorization: "Bearer " + token } });
  if (response.status !== 204) return showSignIn("That token is not valid.");
  sessionStorage.setItem("heed.token", token);
  sessionStorage.setItem("heed.agent", byId("agent").value.trim());
  start();
}

function start() {
  byId("signin").hidden = true;
  byId("console").hidden = false;
  byId("signout").hidden = false;
  state.stream = heed.stream({ complaints: renderComplaints, dashboard: renderDashboard },
    () => showSignIn("Your console session ended; sign in again."));
}

// Where a complaint of the open list stands, in words: nobody owns it yet, or who does and whether it was reopened.
const ON_HOLD = { WAITING_ON_CUSTOMER: "on hold: waiting on customer", WAITING_ON_THIRD_PARTY: "on hold: waiting on third party" };

function statusText(c) {
  if (c.status === "OPEN") return "open";
  const owner = c.owner ? ` (${c.owner})` : "";
  if (ON_HOLD[c.status]) return `${ON_HOLD[c.status]} since ${heed.time(c.onHoldSince)}${owner}`;
  return (c.status === "REOPENED" ? "reopened" : "acknowledged") + owner;
}

// The due cell: a countdown to the first response while nobody acknowledged it; on hold, the resolution clock is paused
// and the cell says so instead of counting; empty for the other owned complaints.
function dueCell(c) {
  if (c.status === "OPEN") return heed.el("span", { class: "countdown", "data-due": c.dueAt ? Date.parse(c.dueAt) : null });
  return ON_HOLD[c.status] ? heed.el("span", { class: "paused" }, "clock paused") : null;
}

function renderComplaints(view) {
  state.skew = Date.parse(view.now) - Date.now();
  // The labels are for a narrow screen, where each row becomes a card and the table's head is hidden. Only a complaint
  // nobody acknowledged has a countdown to its first response and an Acknowledge button; the others show who owns them.
  const rows = view.open.map(c => heed.el("tr", { "data-complaint-id": c.id, "data-status": c.status },
    heed.el("td", { class: "due", "data-label": "Due in" }, dueCell(c)),
    heed.el("td", { class: "status status-" + c.status, "data-label": "Status" }, statusText(c)),
    heed.el("td", { class: "complaint" }, heed.el("a", { href: "complaint.html?id=" + encodeURIComponent(c.id) }, c.id),
      c.subject ? heed.el("div", { class: "quiet" }, c.subject) : null),
    heed.el("td", { "data-label": "Queue" }, c.queue),
    heed.el("td", { class: "level-" + c.level, "data-label": "Level" }, c.level),
    heed.el("td", { "data-label": "Severity" }, c.severity || ""),
    heed.el("td", { class: "num" + (c.confidence != null && c.confidence < LOW_CONFIDENCE ? " low-confidence" : ""),
      "data-label": "Confidence" }, c.confidence == null ? "" : c.confidence.toFixed(2)),
    heed.el("td", { class: "num", "data-label": "Reminders" }, c.reminders),
    heed.el("td", { class: "action" },
      c.status === "OPEN" ? heed.el("button", { class: "ack", "data-complaint-id": c.id }, "Acknowledge") : null)));
  byId("open-rows").replaceChildren(...rows);
  byId("open-empty").hidden = rows.length > 0;
  renderCompleteness(view.completeness, view.indexed, view.indexBound);
  renderPromiseRates(view.promises, view.indexed, view.indexBound);
  renderVerdictRates(view.verdicts, view.indexed, view.indexBound);
  tick();
}

function renderCompleteness(c, indexed, bound) {
  const gap = c.gap > 0
    ? heed.el("span", { class: "gap" }, ` — gap: ${c.gap}`)
    : heed.el("span", { class: "fine" }, " ✓ no gap");
  byId("completeness").replaceChildren(
    `${c.received} received = ${c.answered} answered + ${c.waiting} waiting within SLA`, gap);
  byId("gaps").replaceChildren(...c.gaps.map(g => heed.el("li", {},
    heed.el("a", { href: "complaint.html?id=" + encodeURIComponent(g.id) }, g.id), ` ${g.reason} (due ${heed.time(g.since)})`)));
  byId("completeness-panel").title = `over the ${indexed} feedback ids in the timeline index (bound ${bound})`;
}

// Routing's counts (complaints.state), summed per queue over the complaints the timeline index holds.
function renderPromiseRates(p, indexed, bound) {
  // The labels are for a narrow screen, where each queue becomes a card as the open complaints do.
  byId("promise-rows").replaceChildren(...p.queues.map(q => heed.el("tr", { "data-queue": q.queue },
    heed.el("td", { class: "queue" }, q.queue),
    heed.el("td", { class: "num rate" + (q.keptRate != null && q.keptRate < 0.9 ? " soon" : ""), "data-label": "Kept rate" },
      q.keptRate == null ? "–" : `${(q.keptRate * 100).toFixed(1)} %`),
    heed.el("td", { class: "num kept", "data-label": "Kept" }, q.kept),
    heed.el("td", { class: "num broken" + (q.broken > 0 ? " error" : ""), "data-label": "Broken" }, q.broken),
    heed.el("td", { class: "num", "data-label": "Replaced" }, q.replaced), heed.el("td", { class: "num", "data-label": "Open" }, q.open),
    heed.el("td", { class: "num", "data-label": "Complaints" }, q.complaints))));
  byId("promise-window").textContent = (p.queues.length ? "" : "No promise made yet. ")
    + `Routing's counts on the complaints.state rows of the ${p.complaints} complaints with a row among the `
    + `${indexed} feedback ids in the timeline index (bound ${bound}); replaced and open promises are not in the rate.`;
}

// The customers' verdicts on resolutions, from routing's complaints.state rows, per queue.
function renderVerdictRates(v, indexed, bound) {
  byId("verdict-rows").replaceChildren(...v.queues.map(q => heed.el("tr", { "data-queue": q.queue },
    heed.el("td", { class: "queue" }, q.queue),
    heed.el("td", { class: "num rate", "data-label": "Verdict rate" }, q.rate == null ? "–" : `${(q.rate * 100).toFixed(1)} %`),
    heed.el("td", { class: "num score" + (q.meanScore != null && q.meanScore < 3 ? " soon" : ""), "data-label": "Mean score" },
      q.meanScore == null ? "–" : q.meanScore.toFixed(2)),
    heed.el("td", { class: "num answered", "data-label": "Answered" }, q.answered),
    heed.el("td", { class: "num resolved", "data-label": "Resolved" }, q.resolved),
    heed.el("td", { class: "num negative" + (q.negative > 0 ? " error" : ""), "data-label": "Negative" }, q.negative))));
  byId("verdict-window").textContent = (v.queues.length ? "" : "No complaint resolved yet. ")
    + `Routing's rows on complaints.state of the ${v.complaints} complaints with a row among the ${indexed} feedback ids `
    + `in the timeline index (bound ${bound}); a complaint counts once, with its last verdict.`;
}

function renderDashboard(d) {
  byId("sampled").textContent = d.sampledAt ? "sampled " + heed.time(d.sampledAt) : "";
  byId("topic-rows").replaceChildren(...d.topics.map(t => heed.el("tr", {},
    heed.el("td", {}, t.name), heed.el("td", { class: "num" }, t.endOffset), heed.el("td", { class: "num" }, t.perSecond.toFixed(1)))));
  byId("group-rows").replaceChildren(...d.groups.map(g => heed.el("tr", {},
    heed.el("td", {}, g.group), heed.el("td", { class: "num" + (g.lag > 0 ? " soon" : "") }, g.lag),
    heed.el("td", { class: "quiet" }, Object.entries(g.lagByTopic).map(([t, lag]) => `${t}: ${lag}`).join(", ")))));
  byId("dead-letters").replaceChildren(...d.deadLetters.map(dlq => heed.el("div", {},
    heed.el("div", {}, heed.el("strong", {}, dlq.topic), " ", heed.el("span", { class: dlq.count > 0 ? "error" : "quiet" }, `${dlq.count} records`)),
    ...dlq.latest.map(letter => heed.el("div", { class: "letter" },
      `${heed.time(letter.at)} ${letter.key || ""} `, heed.el("code", {}, letter.error),
      heed.el("div", { class: "quiet" }, Object.entries(letter.headers).filter(([k]) => k !== "heed.error")
        .map(([k, v]) => `${k}=${v}`).join("  ")))))));
}

// The countdown runs here, not on the server: the list's JSON changes only when a complaint does.
function tick() {
  const now = Date.now() + state.skew;
  document.querySelectorAll(".countdown[data-due]").forEach(node => {
    const left = Number(node.dataset.due) - now;
    node.textContent = left < 0 ? "overdue " + heed.duration(left) : heed.duration(left);
    node.className = "countdown" + (left < 0 ? " overdue" : left < 15 * 60 * 1000 ? " soon" : "");
  });
}

async function acknowledge(button) {
  const id = button.dataset.complaintId;
  button.disabled = true;
  const agent = sessionStorage.getItem("heed.agent");
  const body = { source: "CONSOLE", note: "acknowledged in the operator console" };
  if (agent) body.agent = agent;
  const response = await fetch(`/v1/complaints/${encodeURIComponent(id)}/acknowledgements`, {
    method: "POST", body: JSON.stringify(body),
    headers: { "Content-Type": "application/json", Authorization: "Bearer " + sessionStorage.getItem("heed.token") },
  });
  if (response.status === 200 || response.status === 201) {
    // The next pushed list has it as acknowledged too; showing it now makes the click feel immediate.
    const row = button.closest("tr");
    row.dataset.status = "ACKNOWLEDGED";
    row.querySelector("td.status").className = "status status-ACKNOWLEDGED";
    row.querySelector("td.status").textContent = statusText({ status: "ACKNOWLEDGED", owner: agent });
    row.querySelector("td.due").replaceChildren();
    button.remove();
    byId("ack-error").textContent = "";
  } else {
    const problem = await response.json().catch(() => ({}));
    byId("ack-error").textContent = `Could not acknowledge ${id}: ${problem.title || response.status} ${problem.detail || ""}`;
    button.disabled = false;
  }
}

byId("signin").addEventListener("submit", signIn);
heed.signOutButton(() => showSignIn("", "You signed out."));
byId("open-rows").addEventListener("click", event => {
  const button = event.target.closest("button.ack");
  if (button) acknowledge(button);
});
setInterval(tick, 1000);
if (sessionStorage.getItem("heed.token")) start(); else showSignIn();
