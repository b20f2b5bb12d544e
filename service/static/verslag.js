/* The verslag editor: per agenda item a text field with the account, the besluiten and acties as rows
   (add, remove, change owner or deadline), "toon bron" beside every row, versions with who and when.
   Saving sends the document; the server makes the Markdown and the Word file from what was saved. */
"use strict";

const KIND_LABEL = { gevraagd: "Voorgelegd", besluit: "Besluit", actie: "Actie" };

/* The account of a section as the secretary edits it: plain sentences, sub-points as their own lines. */
function sectionText(section) {
  if (section.edited_text !== null && section.edited_text !== undefined) return section.edited_text;
  const lines = [];
  let sub = null, para = [];
  const flush = () => { if (para.length) { lines.push(para.join(" ")); para = []; } };
  for (const st of section.statements) {
    if (st.subpoint !== sub) { flush(); sub = st.subpoint; if (sub) lines.push(sub.replace(/[.:]+$/, "") + ":"); }
    if (st.kind === "besproken") { para.push(st.text); continue; }
    flush();
    lines.push(KIND_LABEL[st.kind] ? `${KIND_LABEL[st.kind]}: ${st.text}` : st.text);
  }
  flush();
  if (!section.notes && !section.statements.some((st) => st.kind === "besproken")) lines.push("Geen aantekeningen uit de vergadering.");
  return lines.join("\n");
}

function sourceBox(citations) {
  const box = h("div", { class: "source-box", hidden: true });
  box.append(citations.length ? h("ul", {}, citations.map((c) => h("li", {},
    h("a", { href: citationHref(c) }, citationLabel(c)), ": ", h("q", {}, quoteNodes(c))))) :
    h("p", { class: "help" }, "Door de secretaris toegevoegd; geen bron."));
  return box;
}

function sourceToggle(citations, label) {
  const box = sourceBox(citations);
  const button = h("button", { type: "button", class: "small link-button", "aria-expanded": "false", "aria-label": label },
    "toon bron");
  button.addEventListener("click", () => {
    box.hidden = !box.hidden;
    button.setAttribute("aria-expanded", String(!box.hidden));
    button.textContent = box.hidden ? "toon bron" : "verberg bron";
    button.setAttribute("aria-label", label.replace(/^toon bron/, button.textContent));
  });
  return [button, box];
}

function markDirty() {
  state.dirty = true;
  $("#verslag-state").textContent = "Gewijzigd, nog niet opgeslagen.";
  $("#verslag-state").className = "state unsaved";
}

function renderSections(doc) {
  const box = $("#verslag-sections");
  box.replaceChildren();
  doc.sections.forEach((section, i) => {
    const id = `vs-${i}`;
    const cites = section.statements.map((st) => st.citation).filter(Boolean);
    const [toggle, sources] = sourceToggle(cites, `toon bron bij punt ${section.item}`);
    const lines = sectionText(section).split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 110)), 0);
    const area = h("textarea", { id, rows: Math.min(20, Math.max(3, lines + 1)),
      spellcheck: "true", "data-section": i, readonly: !isAtLeast("secretary") });
    area.value = sectionText(section);
    area.dataset.initial = area.value;
    area.addEventListener("input", markDirty);
    box.append(h("div", { class: "vsection" },
      h("label", { for: id, class: "vsection-title" }, `${section.item}. ${section.title}`), area,
      h("div", { class: "row-actions" }, toggle), sources));
  });
}

function itemOptions(doc, selected) {
  return [h("option", { value: "" }, "—"), ...doc.sections.map((s) =>
    h("option", { value: s.item, selected: s.item === selected }, `${s.item}. ${s.title}`.slice(0, 60)))];
}

function decisionRow(doc, row, n) {
  const tr = h("tr", { "data-kind": "decision" });
  tr.rowData = row;
  const [toggle, sources] = sourceToggle(row.citation ? [row.citation] : [], `toon bron bij besluit ${n}`);
  tr.append(
    h("td", { class: "num" }, String(n)),
    h("td", {}, h("select", { "aria-label": `Agendapunt van besluit ${n}`, "data-field": "item", onchange: markDirty }, itemOptions(doc, row.item))),
    h("td", {}, h("textarea", { rows: 2, "aria-label": `Besluit ${n}`, "data-field": "text", oninput: markDirty }, row.text)),
    h("td", { class: "row-actions" }, toggle, removeButton(tr, `Verwijder besluit ${n}`), sources));
  return tr;
}

function actionRowEdit(doc, row, n) {
  const tr = h("tr", { "data-kind": "action" });
  tr.rowData = row;
  const [toggle, sources] = sourceToggle(row.citation ? [row.citation] : [], `toon bron bij actie ${n}`);
  const status = h("select", { "aria-label": `Status van actie ${n}`, "data-field": "status", onchange: markDirty },
    ["open", "afgerond", "vervallen"].map((s) => h("option", { value: s, selected: s === row.status }, s)));
  tr.append(
    h("td", { class: "num" }, String(n)),
    h("td", {}, h("textarea", { rows: 2, "aria-label": `Actie ${n}`, "data-field": "text", oninput: markDirty }, row.text)),
    h("td", {}, h("input", { type: "text", "aria-label": `Actiehouder van actie ${n}`, "data-field": "owner", value: row.owner || "", oninput: markDirty })),
    h("td", {}, h("input", { type: "date", "aria-label": `Deadline van actie ${n}`, "data-field": "deadline", value: row.deadline || "", onchange: markDirty }),
      row.due ? h("span", { class: "help" }, " " + row.due) : null),
    h("td", {}, status),
    h("td", {}, h("select", { "aria-label": `Agendapunt van actie ${n}`, "data-field": "item", onchange: markDirty }, itemOptions(doc, row.item))),
    h("td", { class: "row-actions" }, toggle, removeButton(tr, `Verwijder actie ${n}`), sources));
  return tr;
}

function removeButton(tr, label) {
  return h("button", { type: "button", class: "small", "aria-label": label, onclick: () => {
    const table = tr.closest("tbody");
    tr.remove(); markDirty(); renumber(table);
    flash("Rij verwijderd (nog niet opgeslagen).");
  } }, "verwijder");
}

function renumber(tbody) { [...tbody.rows].forEach((tr, i) => { tr.cells[0].textContent = String(i + 1); }); }

function renderRows(doc) {
  const dec = $("#verslag-decisions tbody"), act = $("#verslag-actions tbody");
  dec.replaceChildren(...doc.decisions.map((r, i) => decisionRow(doc, r, i + 1)));
  act.replaceChildren(...doc.actions.map((r, i) => actionRowEdit(doc, r, i + 1)));
}

function readRows(tbody) {
  return [...tbody.rows].map((tr) => {
    const row = { ...tr.rowData };
    for (const el of tr.querySelectorAll("[data-field]")) row[el.dataset.field] = el.value.trim() || null;
    return row;
  });
}

/* The document as edited: changed sections carry the secretary's text, rows as they stand now. */
function editedDocument() {
  const doc = JSON.parse(JSON.stringify(state.verslag.document));
  for (const area of document.querySelectorAll("#verslag-sections textarea")) {
    const section = doc.sections[Number(area.dataset.section)];
    section.edited_text = area.value !== area.dataset.initial || section.edited_text !== null ? area.value : null;
  }
  doc.decisions = readRows($("#verslag-decisions tbody")).filter((r) => r.text).map((r) => ({ text: r.text, item: r.item, citation: r.citation || null }));
  doc.actions = readRows($("#verslag-actions tbody")).filter((r) => r.text).map((r) => ({
    text: r.text, owner: r.owner, deadline: r.deadline, due: r.deadline ? null : (r.due || null), status: r.status || "open",
    item: r.item, earlier: !!r.earlier, action_id: r.action_id || null, citation: r.citation || null }));
  return doc;
}

function showEditor(v) {
  const hasDoc = !!v.document;
  $("#verslag-editor").hidden = !hasDoc;
  $("#verslag-legacy").hidden = hasDoc;
  if (hasDoc) { renderSections(v.document); renderRows(v.document); }
  else $("#verslag-text").value = v.markdown;
  $("#verslag-preview").textContent = v.markdown;
}

async function loadVerslag(meeting, fresh) {
  const v = await api(`/api/meetings/${encodeURIComponent(meeting.id)}/verslag${fresh ? "?draft=true" : ""}`);
  state.verslag = v;
  $("#verslag-status").value = v.status;
  showEditor(v);
  state.dirty = false;
  renderVerslagState(v);
  await loadVersions(meeting);
}

function renderVerslagState(v) {
  const el = $("#verslag-state");
  let text = v.saved
    ? `Versie ${v.version} (${v.status}), opgeslagen ${formatDateTime(v.created_at)}${v.author ? " door " + v.author : ""}.`
    : "Nieuw concept, gemaakt uit de agenda en de aantekeningen. Nog niet opgeslagen.";
  if (v.warnings && v.warnings.length) text += " " + v.warnings.join(" ");
  el.textContent = text;
  el.className = "state " + (v.saved ? "saved" : "unsaved");
}

async function loadVersions(meeting) {
  const versions = await api(`/api/meetings/${encodeURIComponent(meeting.id)}/verslag/versions`);
  const list = $("#verslag-versions");
  list.replaceChildren(...versions.slice().reverse().map((v) => h("li", {},
    `Versie ${v.version} (${v.status}), ${formatDateTime(v.created_at)}${v.author ? ", door " + v.author : ""} `,
    h("button", { type: "button", class: "link-button", "aria-label": `Versie ${v.version} laden`, onclick: () => {
      if (state.dirty && !confirm("Je wijzigingen zijn niet opgeslagen. Toch deze versie laden?")) return;
      state.verslag = { ...v, saved: true };
      $("#verslag-status").value = v.status; showEditor(v); state.dirty = false;
      flash(`Versie ${v.version} geladen. Opslaan maakt er een nieuwe versie van.`);
    } }, "laden"))));
  if (!versions.length) list.replaceChildren(h("li", {}, "Nog geen opgeslagen versies."));
}

async function saveVerslag(event) {
  event.preventDefault();
  const meeting = state.meeting;
  const body = { status: $("#verslag-status").value,
    base_version: state.verslag && state.verslag.saved ? state.verslag.version : 0 };
  if (state.verslag.document) body.document = editedDocument();
  else {
    body.markdown = $("#verslag-text").value;
    if (!body.markdown.trim()) { showError("Het verslag is leeg."); return; }
  }
  $("#verslag-save").disabled = true;
  try {
    const v = await api(`/api/meetings/${encodeURIComponent(meeting.id)}/verslag`, { method: "PUT", json: body });
    state.verslag = v;
    state.dirty = false;
    showEditor(v);
    renderVerslagState(v);
    flash(`Verslag opgeslagen als versie ${v.version}${v.author ? " door " + v.author : ""}.`);
    await loadVersions(meeting);
  } catch (e) {
    if (e.status !== 401) showError(e.message);
  } finally {
    $("#verslag-save").disabled = false;
  }
}

async function redraft() {
  if (state.dirty && !confirm("Je wijzigingen zijn niet opgeslagen. Toch een nieuw concept maken?")) return;
  try { await loadVerslag(state.meeting, true); flash("Nieuw concept gemaakt. Opslaan maakt er een nieuwe versie van."); }
  catch (e) { if (e.status !== 401) showError(e.message); }
}

async function downloadDocx() {
  const meeting = state.meeting;
  try {
    const version = state.verslag && state.verslag.saved ? `?version=${state.verslag.version}` : "";
    const name = await downloadFile(`/api/meetings/${encodeURIComponent(meeting.id)}/verslag.docx${version}`,
      "verslag.docx", state.verslag && state.verslag.saved ? `Word-bestand van versie ${state.verslag.version}` : "Word-bestand van het concept");
    if (state.dirty) flash(`${name} gedownload — zonder je wijzigingen die nog niet zijn opgeslagen.`);
  } catch (e) { if (e.status !== 401) showError(e.message); }
}

function addRow(kind) {
  const doc = state.verslag.document;
  const tbody = kind === "decision" ? $("#verslag-decisions tbody") : $("#verslag-actions tbody");
  const n = tbody.rows.length + 1;
  const tr = kind === "decision" ? decisionRow(doc, { text: "", item: null, citation: null }, n)
    : actionRowEdit(doc, { text: "", owner: null, deadline: null, status: "open", item: null, citation: null }, n);
  tbody.append(tr);
  markDirty();
  tr.querySelector("textarea").focus();
}

function setupVerslag() {
  $("#verslag-form").addEventListener("submit", saveVerslag);
  $("#verslag-text").addEventListener("input", markDirty);
  $("#verslag-redraft").addEventListener("click", redraft);
  $("#verslag-docx").addEventListener("click", downloadDocx);
  $("#add-decision").addEventListener("click", () => addRow("decision"));
  $("#add-action").addEventListener("click", () => addRow("action"));
}
