// Shared by the console's pages: building elements without innerHTML (every value is text, never markup),
// formatting durations, and the event stream.
"use strict";

const heed = {
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([name, value]) => {
      if (value !== null && value !== undefined) node.setAttribute(name, value);
    });
    children.flat().forEach(child => {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    });
    return node;
  },

  duration(ms) {
    const s = Math.floor(Math.abs(ms) / 1000);
    const d = Math.floor(s / 86400), h = Math.floor(s / 3600) % 24, m = Math.floor(s / 60) % 60;
    if (d > 0) return `${d}d ${h}h`;
    if (h > 0) return `${h}h ${m}m`;
    return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  },

  // A latency: milliseconds below a second, tenths of a second below a minute, then as a duration.
  latency(ms) {
    const sign = ms < 0 ? "-" : "", abs = Math.abs(ms);
    if (abs < 1000) return `${sign}${abs} ms`;
    if (abs < 60000) return `${sign}${(abs / 1000).toFixed(1)} s`;
    return sign + heed.duration(abs);
  },

  time(value) {
    return value === null || value === undefined ? "" : new Date(value).toLocaleString();
  },

  notice(text) {
    const notice = document.getElementById("notice");
    notice.textContent = text || "";
    notice.hidden = !text;
  },

  // The sign-out button: the server ends the session (the cookie is cleared, its streams are closed) and this tab
  // forgets the token. A failed request leaves the session as it was and says so rather than pretend.
  signOutButton(after) {
    const button = document.getElementById("signout");
    button.addEventListener("click", async () => {
      button.disabled = true;
      const response = await fetch("/console/api/session", { method: "DELETE" }).catch(() => null);
      button.disabled = false;
      if (!response || response.status !== 204) {
        heed.notice("Sign-out failed: you are still signed in. Try again.");
        return;
      }
      heed.notice("");
      sessionStorage.removeItem("heed.token");
      sessionStorage.removeItem("heed.agent");
      after();
    });
  },

  // One EventSource per page; the browser reconnects by itself. A stream that closes for good (401 after the
  // session expired) hands over to onDenied.
  stream(handlers, onDenied) {
    const live = document.getElementById("live");
    const source = new EventSource("/console/api/events");
    source.onopen = () => { live.textContent = "live"; live.classList.add("on"); };
    source.onerror = () => {
      live.textContent = "reconnecting…"; live.classList.remove("on");
      fetch("/console/api/complaints").then(r => { if (r.status === 401) { source.close(); onDenied(); } });
    };
    Object.entries(handlers).forEach(([name, handle]) =>
      source.addEventListener(name, event => handle(JSON.parse(event.data))));
    return source;
  },
};
