/* Notulist web page: no framework, no external files. Text from the server is always put in the page as
   text (textContent), never as HTML, because documents are data. */
"use strict";

const KEY_STORAGE = "notulist.key";
const ROLE_RANK = { reader: 0, secretary: 1, admin: 2 };
const ROLE_NL = { reader: "lezer", secretary: "secretaris", admin: "beheerder" };

const state = { me: null, meeting: null, verslag: null, dirty: false, meetings: [] };

// ------------------------------------------------------------------ small helpers

function $(sel) { return document.querySelector(sel); }

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function formatDate(iso) {
  if (!iso) return "datum onbekend";
  const d = new Date(iso + "T12:00:00");
  return d.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
}

function formatDateTime(iso) {
  if (!iso) return "";
  const d = new Date(iso.endsWith("Z") ? iso : iso + "Z");
  return d.toLocaleString("nl-NL", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
}

function flash(message) {
  const el = $("#flash");
  el.textContent = message;
  clearTimeout(flash.timer);
  flash.timer = setTimeout(() => { el.textContent = ""; }, 6000);
}

function showError(message) {
  const el = $("#alert");
  el.textContent = message;
  el.hidden = !message;
}

function isAtLeast(role) { return state.me && ROLE_RANK[state.me.role] >= ROLE_RANK[role]; }

// ------------------------------------------------------------------ API

class ApiError extends Error {
  constructor(status, message, field) { super(message); this.status = status; this.field = field; }
}

function authHeader() { return { Authorization: "Bearer " + sessionStorage.getItem(KEY_STORAGE) }; }

async function api(path, { method = "GET", json, form, raw } = {}) {
  const headers = authHeader();
  let body;
  if (json !== undefined) { headers["Content-Type"] = "application/json"; body = JSON.stringify(json); }
  if (form !== undefined) body = form;
  let res;
  try {
    res = await fetch(path, { method, headers, body });
  } catch (e) {
    throw new ApiError(0, "De server is niet bereikbaar. Probeer het zo opnieuw.");
  }
  if (res.status === 401) {
    logout("Je sleutel is niet (meer) geldig. Voer hem opnieuw in.");
    throw new ApiError(401, "Niet aangemeld.");
  }
  if (!res.ok) {
    let detail = `Er ging iets mis (fout ${res.status}).`, field;
    try { const b = await res.json(); detail = b.detail || detail; field = b.field; } catch (e) { /* geen JSON */ }
    throw new ApiError(res.status, detail, field);
  }
  if (raw) return res;
  if (res.status === 204) return null;
  return res.json();
}

// ------------------------------------------------------------------ session

function logout(message) {
  sessionStorage.removeItem(KEY_STORAGE);
  state.me = null;
  $("#mainnav").hidden = true;
  $("#whoami").hidden = true;
  showView("login");
  if (message) showError(message);
  $("#login-key").focus();
}

async function login(key) {
  sessionStorage.setItem(KEY_STORAGE, key);
  state.me = await api("/api/me");
  const scope = state.me.series.length ? ` · ${state.me.series.join(", ")}` : "";
  $("#whoami-text").textContent = `Aangemeld als ${ROLE_NL[state.me.role]}${scope}`;
  $("#whoami").hidden = false;
  $("#mainnav").hidden = false;
  document.body.classList.toggle("is-secretary", isAtLeast("secretary"));
  $("#verslag-status").disabled = !isAtLeast("secretary");
  state.meetings = await api("/api/meetings");
  showError("");
}

// ------------------------------------------------------------------ routing

function showView(name) {
  for (const v of document.querySelectorAll(".view")) v.hidden = v.id !== "view-" + name;
  for (const a of document.querySelectorAll("[data-nav]")) {
    if (a.dataset.nav === name || (name === "vergadering" && a.dataset.nav === "vergaderingen")) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || "") };
}

async function route() {
  if (!sessionStorage.getItem(KEY_STORAGE)) { logout(); return; }
  if (!state.me) {
    try { await login(sessionStorage.getItem(KEY_STORAGE)); } catch (e) { if (e.status !== 401) showError(e.message); return; }
  }
  if (state.dirty && state.meeting && !location.hash.startsWith("#/vergadering/" + state.meeting.id)) {
    if (!confirm("Het verslag heeft wijzigingen die nog niet zijn opgeslagen. Toch weggaan?")) {
      history.replaceState(null, "", "#/vergadering/" + state.meeting.id);
      return;
    }
    state.dirty = false;
  }
  showError("");
  const { parts, params } = parseHash();
  const view = parts[0] || "vergaderingen";
  if (view !== "vergadering") state.meeting = null; // reload it fresh when it is opened again
  try {
    if (view === "vergadering" && parts[1]) { showView("vergadering"); await openMeeting(parts[1], params); }
    else if (view === "reeks" && parts[1]) { showView("reeks"); await openSeries(parts[1]); focusHeading("#series-title"); }
    else if (view === "vragen") { showView("vragen"); await prepareAsk(); focusHeading("#ask-title"); }
    else if (view === "acties") { showView("acties"); await openActielijst(params); focusHeading("#actions-title"); }
    else { showView("vergaderingen"); await loadMeetings(); focusHeading("#meetings-title"); }
  } catch (e) {
    if (e.status !== 401) showError(e.message);
  }
}

function focusHeading(sel) {
  const el = $(sel);
  el.setAttribute("tabindex", "-1");
  el.focus({ preventScroll: false });
}

// ------------------------------------------------------------------ meetings list and upload

function seriesHref(series) { return "#/reeks/" + encodeURIComponent(series); }

async function loadMeetings() {
  state.meetings = await api("/api/meetings");
  const tbody = $("#meetings-table tbody");
  tbody.replaceChildren();
  for (const m of [...state.meetings].reverse()) {
    const other = m.series.toLowerCase() !== m.title.toLowerCase();
    tbody.append(h("tr", {},
      h("td", {}, formatDate(m.date), m.date_inferred ? h("span", { class: "badge", title: "Het jaar stond niet bij de datum en is afgeleid." }, "jaar afgeleid") : null),
      h("td", {}, h("a", { href: "#/vergadering/" + encodeURIComponent(m.id) }, m.title),
        other ? h("span", { class: "help" }, " — reeks ", h("a", { href: seriesHref(m.series) }, m.series)) : null),
      h("td", { class: "num" }, String(m.item_count)),
      h("td", { class: "num" }, String(m.note_count))));
  }
  $("#meetings-table").hidden = state.meetings.length === 0;
  $("#meetings-empty").hidden = state.meetings.length !== 0;
  const counts = new Map();
  for (const m of state.meetings) counts.set(m.series, (counts.get(m.series) || 0) + 1);
  $("#series-list").replaceChildren(...[...counts.keys()].map((s) => h("option", { value: s })));
  $("#series-links").replaceChildren(...[...counts.entries()].map(([s, n]) =>
    h("li", {}, h("a", { href: seriesHref(s) }, s), ` (${n} ${n === 1 ? "vergadering" : "vergaderingen"})`)));
  $("#series-box").hidden = counts.size === 0;
}

async function upload(event) {
  event.preventDefault();
  const form = new FormData();
  const files = { agenda: "#up-agenda", notes: "#up-notes", clean_agenda: "#up-clean" };
  for (const [field, sel] of Object.entries(files)) {
    const input = $(sel);
    if (input.files.length) form.append(field, input.files[0]);
  }
  if (!form.has("agenda")) { showError("Kies eerst het agendabestand."); $("#up-agenda").focus(); return; }
  const series = $("#up-series").value.trim();
  const year = $("#up-year").value.trim();
  if (series) form.append("series", series);
  if (year) form.append("year", year);
  $("#upload-button").disabled = true;
  $("#upload-busy").hidden = false;
  showError("");
  try {
    const { meeting: result } = await ingestAsJob(form);  // jobs.js: een achtergrondtaak met voortgangsbalk
    if (!result) { flash("Inlezen geannuleerd."); await loadMeetings(); return; }
    const what = { new: "ingelezen", replaced: "opnieuw ingelezen", unchanged: "was al ingelezen (ongewijzigd)" }[result.status];
    flash(`${result.title} (${formatDate(result.date)}) ${what}.` + (result.warnings.length ? " Let op: " + result.warnings.join(" ") : ""));
    $("#upload-form").reset();
    await loadMeetings();
    location.hash = "#/vergadering/" + encodeURIComponent(result.id);
  } catch (e) {
    if (e.status === 401) return;
    showError(e.message);
    const fieldInput = { agenda: "#up-agenda", notes: "#up-notes", clean_agenda: "#up-clean", series: "#up-series", year: "#up-year" }[e.field];
    if (fieldInput) $(fieldInput).focus();
  } finally {
    $("#upload-button").disabled = false;
    $("#upload-busy").hidden = true;
    hideJobProgress();
  }
}

// ------------------------------------------------------------------ one meeting

async function openMeeting(id, params) {
  const sameMeeting = state.meeting && state.meeting.id === id;
  const meeting = sameMeeting ? state.meeting : await api("/api/meetings/" + encodeURIComponent(id));
  state.meeting = meeting;
  if (!state.meetings.some((m) => m.id === meeting.id)) state.meetings.push(meeting);
  rememberSources(meeting);
  knownMeetingSources.add(meeting.id);
  $("#meeting-title").textContent = meeting.title;
  renderMeta(meeting);
  renderItems(meeting);
  const citation = params.has("van") ? {
    meeting_id: meeting.id, date: meeting.date, item: params.get("punt"), source_id: params.get("bron"),
    start: Number(params.get("van")), end: Number(params.get("tot")), quote: params.get("citaat") || "",
  } : null;
  if (!sameMeeting) {
    await Promise.all([loadExtraction(meeting), loadVerslag(meeting, false)]);
  }
  if (citation) highlightCitation(meeting, citation);
  else {
    $("#citation-callout").hidden = true;
    if (params.has("punt")) scrollToItem(params.get("punt"));
    else if (!sameMeeting) focusHeading("#meeting-title");
  }
}

function renderMeta(m) {
  const rows = [
    ["Reeks", h("a", { href: seriesHref(m.series) }, m.series)],
    ["Datum", formatDate(m.date) + (m.date_as_written ? ` (in de stukken: “${m.date_as_written}”)` : "") + (m.date_inferred ? " — jaar afgeleid" : "")],
    ["Tijd", m.time], ["Locatie", m.location],
    ["Aanwezig", m.attendees.length ? tokenNodes(m.attendees.map((a) => a.display).join("; ")) : null],
    ["Bestanden", m.sources.map((s) => `${s.filename} (${{ agenda: "agenda", notes: "aantekeningen", clean_agenda: "schone agenda" }[s.role] || s.role})`).join(", ")],
  ];
  $("#meeting-meta").replaceChildren(...rows.filter(([, v]) => v && (!Array.isArray(v) || v.length))
    .flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function itemAnchor(number) { return "punt-" + String(number).replace(/[^A-Za-z0-9]+/g, "-"); }

function renderItems(meeting) {
  const list = $("#items");
  list.replaceChildren();
  for (const item of meeting.items) {
    const notes = item.notes.length ? h("div", { class: "notes" },
      h("h4", {}, "Aantekeningen uit de vergadering"),
      h("ul", {}, item.notes.map((n) => h("li", { "data-note": n.id, "data-source": n.source_id, "data-start": n.start,
        "data-end": n.end, title: "gevonden als aantekening" },
        h("span", { class: "note-text", "data-source": n.source_id, "data-start": n.start, "data-text": n.text },
          spanNodes(n.source_id, n.start, n.text).nodes))))) : null;
    list.append(h("li", { id: itemAnchor(item.number), class: item.parent ? "item sub" : "item", "data-number": item.number },
      h("h3", { tabindex: "-1" }, h("span", { class: "itemnr" }, item.numbered ? item.number + "." : "•"), " ", ...inlineNodes(item.title),
        item.kinds.map((k) => h("span", { class: "badge" }, k))),
      item.attachments.length ? h("p", { class: "attachments" }, "Bijlagen: ", ...tokenNodes(item.attachments.join("; "))) : null,
      item.body ? h("div", { class: "body" }, markdownNodes(item.body)) : null,
      notes,
      h("details", { class: "raw" }, h("summary", {}, "Brontekst van dit punt"),
        h("pre", { class: "rawtext", "data-source": item.source_id, "data-start": item.start, "data-text": item.raw_text },
          spanNodes(item.source_id, item.start, item.raw_text).nodes))));
  }
}

function scrollToItem(number) {
  const el = document.getElementById(itemAnchor(number));
  if (el) { el.scrollIntoView({ block: "start" }); el.querySelector("h3").focus({ preventScroll: true }); }
}

/* Mark the span [start, end) of a source inside an element that shows the text from `offset` on. */
/* Re-render an element that shows a stored span (data-source, data-start, data-text) with [start, end) marked. */
function markSpan(el, start, end) {
  const { nodes, mark } = spanNodes(el.dataset.source, Number(el.dataset.start), el.dataset.text, start, end);
  if (!mark) return null;
  el.replaceChildren(...nodes);
  return mark;
}



function highlightCitation(meeting, c) {
  renderItems(meeting); // clear earlier marks
  $("#citation-quote").replaceChildren(...quoteNodes(c));
  $("#citation-where").textContent = citationLabel(c);
  $("#citation-callout").hidden = !c.quote;
  let item = meeting.items.find((i) => i.number === c.item);
  if (!item) item = meeting.items.find((i) => i.source_id === c.source_id && i.start <= c.start && c.end <= i.end);
  let mark = null;
  const li = item ? document.getElementById(itemAnchor(item.number)) : document;
  // 1. a note that holds the quote (exact offsets), 2. the exact source text of the item
  for (const noteEl of li.querySelectorAll(".note-text")) {
    if (noteEl.dataset.source === c.source_id) mark = markSpan(noteEl, c.start, c.end) || mark;
  }
  for (const pre of li.querySelectorAll(".rawtext")) {
    if (pre.dataset.source !== c.source_id) continue;
    const m = markSpan(pre, c.start, c.end);
    if (m && !mark) { pre.closest("details").open = true; mark = m; }
  }
  // show the item from its heading; only when the mark is then out of sight, centre the mark instead
  const itemEl = item && document.getElementById(itemAnchor(item.number));
  if (itemEl) itemEl.scrollIntoView({ block: "start" });
  if (mark) {
    const r = mark.getBoundingClientRect();
    if (!itemEl || r.bottom > window.innerHeight || r.top < 0) mark.scrollIntoView({ block: "center" });
  }
  if (itemEl) itemEl.querySelector("h3").focus({ preventScroll: true });
}

async function loadExtraction(meeting) {
  const box = $("#extraction");
  box.replaceChildren(h("p", {}, "Laden…"));
  const ex = await api(`/api/meetings/${encodeURIComponent(meeting.id)}/extraction`);
  const itemLink = (nr) => nr ? h("a", { href: `#/vergadering/${encodeURIComponent(meeting.id)}?punt=${encodeURIComponent(nr)}` }, "punt " + nr) : "—";
  // a link (meeting, date, item) that opens the item with the evidence marked, and the evidence as shown
  const evidenceLink = (fact) => h("a", { href: citationHref(fact.citation) }, citationLabel(fact.citation));
  const sameText = (a, b) => a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();
  const quote = (fact) => sameText(fact.text, shownText(fact.citation.source_id, fact.citation.start, fact.citation.quote))
    ? null : h("blockquote", {}, quoteNodes(fact.citation));
  const parts = [];
  parts.push(h("h3", {}, "Besluiten"));
  parts.push(ex.decisions.length ? h("ul", { class: "facts" }, ex.decisions.map((d) => h("li", {},
    h("span", {}, tokenNodes(d.text)), " ", h("span", { class: "where" }, "(", evidenceLink(d), ")"), quote(d)))) :
    h("p", { class: "help" }, "Geen besluiten gevonden."));
  parts.push(h("h3", {}, "Acties"));
  parts.push(ex.actions.length ? h("ul", { class: "facts" }, ex.actions.map((a) => h("li", {},
    h("span", {}, tokenNodes(a.text)), " ",
    h("span", { class: "where" }, "(", tokenNodes(ownerText(a)), a.due ? ", " + dueText(a) : "", "; ", evidenceLink(a), ")"), " ",
    a.status === "done" ? h("span", { class: "badge done" }, "afgerond") : h("span", { class: "badge" }, "open"),
    quote(a)))) : h("p", { class: "help" }, "Geen acties gevonden."));
  if (ex.postponed.length) {
    parts.push(h("h3", {}, "Doorgeschoven"));
    parts.push(h("ul", { class: "facts" }, ex.postponed.map((p) => h("li", {}, itemLink(p.item), " ", p.item_title || "", ": ",
      h("span", {}, quoteNodes(p.citation))))));
  }
  for (const w of ex.warnings || []) parts.push(h("p", { class: "warning" }, w));
  box.replaceChildren(...parts);
}

/* The owner as shown: a name, or for a redacted owner the redaction token of the action — never a name. */
function ownerText(a) {
  if (a.owner_redacted && !a.owner) {
    const token = (a.text || "").match(/\[gelakt[^\]]*\]/);
    return token ? token[0] : "[gelakt]";
  }
  return a.owner || "geen actiehouder genoemd";
}

function dueText(a) { return a.due_date ? `${a.due} (${formatDate(a.due_date)})` : a.due; }

/* Download a file from the API and say so (name and what it is), or say why not. */
async function downloadFile(path, fallbackName, what) {
  const res = await api(path, { raw: true });
  const blob = await res.blob();
  const disposition = res.headers.get("Content-Disposition") || "";
  const name = (disposition.match(/filename="([^"]+)"/) || [])[1] || fallbackName;
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  flash(`${what} gedownload: ${name} (${Math.max(1, Math.round(blob.size / 1024))} kB).`);
  return name;
}

async function deleteMeeting() {
  const m = state.meeting;
  if (!confirm(`Vergadering “${m.title}” van ${formatDate(m.date)} verwijderen? Opgeslagen verslagen blijven bewaard.`)) return;
  try {
    await api("/api/meetings/" + encodeURIComponent(m.id), { method: "DELETE" });
    state.meeting = null; state.dirty = false;
    flash("Vergadering verwijderd.");
    location.hash = "#/vergaderingen";
  } catch (e) { if (e.status !== 401) showError(e.message); }
}

// ------------------------------------------------------------------ ask

async function prepareAsk() {
  if (!state.meetings.length) state.meetings = await api("/api/meetings");
  const select = $("#ask-series");
  const current = select.value;
  const series = [...new Set(state.meetings.map((m) => m.series))];
  select.replaceChildren(h("option", { value: "" }, "alle reeksen"), ...series.map((s) => h("option", { value: s }, s)));
  select.value = series.includes(current) ? current : "";
}

function citationLink(c) {
  return h("li", { class: "citation" },
    h("a", { href: citationHref(c) }, citationLabel(c)),
    h("blockquote", {}, quoteNodes(c)));
}

async function ask(event) {
  event.preventDefault();
  const question = $("#ask-question").value.trim();
  if (!question) { $("#ask-question").focus(); return; }
  const series = $("#ask-series").value;
  const entry = h("li", { class: "qa" }, h("p", { class: "question" }, h("strong", {}, "Vraag: "), question));
  const answerEl = h("p", { class: "answer" }, h("span", { class: "busy" }, "Zoeken in de vergaderstukken…"));
  const citeList = h("ol", { class: "citations" });
  const extra = h("div", {});
  entry.append(answerEl, h("h3", { class: "sr-only" }, "Bronnen"), citeList, extra);
  $("#chat").append(entry);
  $("#ask-button").disabled = true;
  showError("");
  try {
    const res = await fetch("/api/ask/stream", { method: "POST",
      headers: { ...authHeader(), "Content-Type": "application/json" },
      body: JSON.stringify(series ? { question, series } : { question }) });
    if (res.status === 401) { logout("Je sleutel is niet (meer) geldig. Voer hem opnieuw in."); return; }
    if (!res.ok) { let d = `Fout ${res.status}`; try { d = (await res.json()).detail || d; } catch (e) { /* */ } throw new Error(d); }
    let answerText = "", started = false, done = null;
    const pending = [];
    await readEvents(res, (type, data) => {
      if (type === "token") {
        if (!started) { answerEl.replaceChildren(); started = true; }
        answerText += data.text; answerEl.textContent = answerText;
      } else if (type === "citation") {
        pending.push(data);
      } else if (type === "done") {
        done = data;
      } else if (type === "error") {
        throw new Error(data.detail);
      }
    });
    const cited = done ? done.citations : pending;
    await ensureSourcesOf(cited.map((c) => c.meeting_id));
    citeList.replaceChildren(...cited.map(citationLink));
    if (done) {
      answerEl.textContent = done.found === false && !done.answer ? "Hierover is niets gevonden in de vergaderstukken." : done.answer;
      if (!done.citations.length) extra.append(h("p", { class: "help" }, "Geen bronnen gevonden."));
      for (const w of done.warnings || []) extra.append(h("p", { class: "warning" }, w));
      if (done.llm_used) extra.append(h("p", { class: "help" }, "Antwoord geformuleerd met het taalmodel; de citaten zijn letterlijk."));
    }
    $("#ask-question").value = "";
  } catch (e) {
    answerEl.textContent = "Geen antwoord: " + e.message;
    answerEl.classList.add("warning");
  } finally {
    $("#ask-button").disabled = false;
    entry.scrollIntoView({ block: "nearest" });
  }
}

/* Read a server-sent-event stream from a fetch response (EventSource cannot POST or send a key). */
async function readEvents(res, onEvent) {
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let at;
    while ((at = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, at); buffer = buffer.slice(at + 2);
      let type = "message", data = "";
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) type = line.slice(6).trim();
        else if (line.startsWith("data:")) data += line.slice(5).trim();
      }
      onEvent(type, data ? JSON.parse(data) : null);
    }
    if (done) break;
  }
}

// ------------------------------------------------------------------ start

document.addEventListener("DOMContentLoaded", () => {
  $("#login-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const key = $("#login-key").value.trim();
    if (!key) return;
    try {
      await login(key);
      $("#login-key").value = "";
      if (!location.hash || location.hash === "#/") location.hash = "#/vergaderingen"; else route();
    } catch (err) { if (err.status !== 401) showError(err.message); }
  });
  $("#logout").addEventListener("click", () => { location.hash = ""; logout("Je bent afgemeld."); });
  $("#upload-form").addEventListener("submit", upload);
  setupVerslag();
  setupActielijst();
  $("#meeting-delete").addEventListener("click", deleteMeeting);
  $("#ask-form").addEventListener("submit", ask);
  $("#ask-question").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); $("#ask-form").requestSubmit(); }
  });
  for (const a of document.querySelectorAll("[data-jump]")) {
    a.addEventListener("click", (e) => { e.preventDefault(); const t = document.getElementById(a.dataset.jump); t.scrollIntoView(); t.querySelector("h2").setAttribute("tabindex", "-1"); t.querySelector("h2").focus({ preventScroll: true }); });
  }
  window.addEventListener("beforeunload", (e) => { if (state.dirty) { e.preventDefault(); e.returnValue = ""; } });
  window.addEventListener("hashchange", route);
  route();
});
