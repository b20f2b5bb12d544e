/* The actielijst across meetings (filters, table, mark done, export) and the series page with the
   concept agenda of the next meeting. */
"use strict";

const STATUS_NL = { open: "open", verlopen: "verlopen", afgerond: "afgerond" };

function actielijstParams() {
  const params = new URLSearchParams();
  for (const [name, sel] of [["series", "#act-series"], ["owner", "#act-owner"], ["status", "#act-status"]]) {
    const value = $(sel).value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

function fillSeriesSelect(select, current) {
  const series = [...new Set(state.meetings.map((m) => m.series))];
  select.replaceChildren(h("option", { value: "" }, "alle reeksen"), ...series.map((s) => h("option", { value: s }, s)));
  select.value = series.includes(current) ? current : "";
}

async function openActielijst(params) {
  fillSeriesSelect($("#act-series"), params.get("reeks") || $("#act-series").value);
  await loadActielijst();
}

function deadlineCell(row) {
  if (row.deadline) return h("time", { datetime: row.deadline }, formatDate(row.deadline));
  return "—";
}

function actielijstRow(row) {
  const stand = [row.termijn ? `termijn: ${row.termijn}` : null, row.stand_van_zaken || null].filter(Boolean).join("; ");
  const evidence = row.evidence ? h("a", { href: citationHref(row.evidence) }, "bewijs") : null;
  const tr = h("tr", { "data-action": row.action_id, class: "status-" + row.status },
    h("td", { class: "num" }, String(row.nr)),
    h("td", {}, tokenNodes(row.onderwerp)),
    h("td", {}, tokenNodes(row.actiehouder || "—")),
    h("td", {}, deadlineCell(row)),
    h("td", {}, h("span", { class: "badge " + (row.status === "afgerond" ? "done" : row.status === "verlopen" ? "late" : "") }, STATUS_NL[row.status])),
    h("td", {}, stand ? tokenNodes(stand) : "—", evidence ? [" (", evidence, ")"] : null),
    h("td", {}, h("a", { href: citationHref(row.citation) }, row.bron)));
  if (isAtLeast("secretary")) {
    const done = row.status === "afgerond";
    tr.append(h("td", {}, h("button", { type: "button", class: "small", "aria-label": `${done ? "Weer open zetten" : "Markeer als afgerond"}: actie ${row.nr}`,
      onclick: async (ev) => {
        ev.target.disabled = true;
        try {
          await api(`/api/actions/${encodeURIComponent(row.action_id)}/${done ? "open" : "done"}`, { method: "POST" });
          flash(done ? `Actie ${row.nr} weer open gezet.` : `Actie ${row.nr} afgerond.`);
          await loadActielijst();
        } catch (e) { ev.target.disabled = false; if (e.status !== 401) showError(e.message); }
      } }, done ? "Weer open zetten" : "Markeer als afgerond")));
  } else tr.append(h("td", {}));
  return tr;
}

let actielijstRequest = 0;

async function loadActielijst(event) {
  if (event) event.preventDefault();
  const mine = ++actielijstRequest; // a slower earlier answer must not overwrite a later filter
  const data = await api("/api/actielijst?" + actielijstParams());
  await ensureSourcesOf(data.rows.map((r) => r.meeting_id));
  if (mine !== actielijstRequest) return;
  $("#actions-table tbody").replaceChildren(...data.rows.map(actielijstRow));
  $("#actions-table").hidden = data.rows.length === 0;
  $("#actions-empty").hidden = data.rows.length !== 0;
  const c = data.counts;
  $("#actions-counts").textContent = `${data.rows.length} acties: ${c.open} open, ${c.verlopen} verlopen, ${c.afgerond} afgerond.`;
}

async function exportActielijst(format) {
  const params = actielijstParams();
  params.set("format", format);
  try { await downloadFile("/api/actielijst/export?" + params, "actielijst." + format, "Actielijst"); }
  catch (e) { if (e.status !== 401) showError(e.message); }
}

// ------------------------------------------------------------------ series page and next agenda

async function openSeries(series) {
  state.series = series;
  $("#series-title").textContent = series;
  const meetings = state.meetings.filter((m) => m.series === series);
  $("#series-meetings").replaceChildren(...meetings.map((m) => h("li", {},
    h("a", { href: "#/vergadering/" + encodeURIComponent(m.id) }, `${formatDate(m.date)} — ${m.title}`))));
  $("#series-actions-link").setAttribute("href", "#/acties?reeks=" + encodeURIComponent(series));
  $("#agenda-result").hidden = true;
}

async function makeAgenda() {
  const series = state.series;
  $("#agenda-make").disabled = true;
  try {
    const data = await api(`/api/series/${encodeURIComponent(series)}/next-agenda`);
    renderAgenda(data.agenda);
    flash("Concept-agenda gemaakt.");
    $("#agenda-heading").focus();
  } catch (e) { if (e.status !== 401) showError(e.message); }
  finally { $("#agenda-make").disabled = false; }
}

function renderAgenda(a) {
  $("#agenda-date").textContent = a.date ? formatDate(a.date) + (a.date_source ? ` (${a.date_source})` : "") : "nog te bepalen";
  const items = [];
  for (const t of a.start_items) items.push(h("li", {}, t));
  items.push(h("li", {}, `Actielijst (${a.actions.length} open)`));
  for (const p of a.postponed) items.push(h("li", {}, tokenNodes(p.title), h("span", { class: "help" }, " — doorgeschoven uit " + p.origin)));
  for (const t of a.end_items) items.push(h("li", {}, t));
  $("#agenda-items").replaceChildren(...items);
  $("#agenda-actions tbody").replaceChildren(...a.actions.map((r) => h("tr", {},
    h("td", { class: "num" }, String(r.nr)), h("td", {}, tokenNodes(r.onderwerp)), h("td", {}, tokenNodes(r.actiehouder || "—")),
    h("td", {}, deadlineCell(r)), h("td", {}, STATUS_NL[r.status]), h("td", {}, h("a", { href: citationHref(r.citation) }, r.bron)))));
  $("#agenda-result").hidden = false;
}

async function agendaDocx() {
  try { await downloadFile(`/api/series/${encodeURIComponent(state.series)}/next-agenda.docx`, "agenda.docx", "Concept-agenda"); }
  catch (e) { if (e.status !== 401) showError(e.message); }
}

function setupActielijst() {
  $("#actions-filter").addEventListener("submit", (e) => loadActielijst(e).catch((err) => showError(err.message)));
  for (const f of ["csv", "xlsx", "docx"]) $("#export-" + f).addEventListener("click", () => exportActielijst(f));
  $("#agenda-make").addEventListener("click", makeAgenda);
  $("#agenda-docx").addEventListener("click", agendaDocx);
}
