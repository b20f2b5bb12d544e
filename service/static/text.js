/* Showing text from the documents: redactions as their token (derived from the recorded spans of the
   source), a safe rendering of the agenda's Markdown, and citations named by meeting and date.
   Everything is built with DOM nodes and textContent, never innerHTML: documents are data. */
"use strict";

const redactionsBySource = new Map(); // source id -> [{start, end, token}]

function rememberSources(meeting) {
  for (const s of meeting.sources || []) redactionsBySource.set(s.id, s.redactions || []);
}

/* Pieces of raw_text[offset, offset + text.length): [rawStart, rawEnd, shown, isRedaction]. */
function pieces(sourceId, offset, text) {
  const reds = (redactionsBySource.get(sourceId) || [])
    .filter((r) => r.start >= offset && r.end <= offset + text.length).sort((a, b) => a.start - b.start);
  const out = [];
  let pos = offset;
  for (const r of reds) {
    if (r.start < pos) continue;
    if (r.start > pos) out.push([pos, r.start, text.slice(pos - offset, r.start - offset), false]);
    out.push([r.start, r.end, r.token, true]);
    pos = r.end;
  }
  if (pos < offset + text.length) out.push([pos, offset + text.length, text.slice(pos - offset), false]);
  return out;
}

/* The display form of a stored span (the stored quote itself stays the exact span). */
function shownText(sourceId, offset, text) {
  return pieces(sourceId, offset, text).map((p) => p[2]).join("");
}

function redactionNode(token) {
  return h("span", { class: "redaction", title: "Gelakt op grond van de Woo; de naam wordt niet getoond." }, token);
}

/* Nodes for a stored span, with [markStart, markEnd) (raw offsets) wrapped in <mark>; returns {nodes, mark}. */
function spanNodes(sourceId, offset, text, markStart, markEnd) {
  const nodes = [];
  let mark = null;
  const inMark = (a, b) => markStart !== undefined && a < markEnd && markStart < b;
  const push = (node, marked) => {
    if (!marked) { nodes.push(node); return; }
    if (!mark) { mark = h("mark", {}); nodes.push(mark); }
    mark.append(node);
  };
  for (const [a, b, shown, isRed] of pieces(sourceId, offset, text)) {
    if (isRed) { push(redactionNode(shown), inMark(a, b)); continue; }
    if (!inMark(a, b)) { push(document.createTextNode(shown), false); continue; }
    const s = Math.max(a, markStart), e = Math.min(b, markEnd);
    if (s > a) push(document.createTextNode(shown.slice(0, s - a)), false);
    push(document.createTextNode(shown.slice(s - a, e - a)), true);
    if (e < b) { const rest = document.createTextNode(shown.slice(e - a)); nodes.push(rest); }
  }
  return { nodes, mark };
}

/* Text that is already in display form (server-made), with its tokens styled. */
function tokenNodes(text) {
  const out = [];
  const rx = /\[gelakt[^\]]*\]/g;
  let pos = 0, m;
  while ((m = rx.exec(text)) !== null) {
    if (m.index > pos) out.push(text.slice(pos, m.index));
    out.push(redactionNode(m[0]));
    pos = m.index + m[0].length;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}

/* Inline Markdown: **vet**, *cursief*, [tekst](link) as its text; stray asterisks dropped. */
function inlineNodes(text) {
  const out = [];
  const rx = /\*\*([^*\n]+)\*\*|\*([^*\n]+)\*|\[([^\]\n]*)\]\([^)\n]*\)/g;
  let pos = 0, m;
  const plain = (s) => tokenNodes(s.replace(/(^|\s)\*+|\*+(?=\s|$)/g, "$1"));
  while ((m = rx.exec(text)) !== null) {
    if (m.index > pos) out.push(...plain(text.slice(pos, m.index)));
    if (m[1] !== undefined) out.push(h("strong", {}, ...plain(m[1])));
    else if (m[2] !== undefined) out.push(h("em", {}, ...plain(m[2])));
    else out.push(...plain(m[3]));
    pos = m.index + m[0].length;
  }
  if (pos < text.length) out.push(...plain(text.slice(pos)));
  return out;
}

/* Block Markdown of agenda text: paragraphs, bullet lists, numbered lists, headings (as strong). */
function markdownNodes(text) {
  const blocks = [];
  let list = null;
  for (const raw of text.split(/\n/)) {
    const line = raw.trim();
    const bullet = line.match(/^[-*•➤]\s+(.*)$/);
    const numbered = line.match(/^(\d+)[.)]\s+(.*)$/);
    if (bullet || numbered) {
      const tag = bullet ? "ul" : "ol";
      if (!list || list.tagName.toLowerCase() !== tag) { list = h(tag, {}); blocks.push(list); }
      list.append(h("li", {}, ...inlineNodes((bullet || numbered)[bullet ? 1 : 2])));
      continue;
    }
    list = null;
    if (!line) { blocks.push(null); continue; }
    const heading = line.match(/^#{1,6}\s+(.*)$/);
    if (heading) { blocks.push(h("p", {}, h("strong", {}, ...inlineNodes(heading[1])))); continue; }
    const last = blocks[blocks.length - 1];
    if (last && last.tagName === "P" && !last.dataset.heading) last.append(" ", ...inlineNodes(line));
    else blocks.push(h("p", {}, ...inlineNodes(line)));
  }
  return blocks.filter(Boolean);
}

/* "Voortgangsoverleg inclusie en diversiteit, 11 maart 2024, punt 2 Safe space gesprekken" */
function citationLabel(c) {
  const m = (state.meetings || []).find((x) => x.id === c.meeting_id);
  const title = m ? m.title : "Vergadering";
  return `${title}, ${formatDate(c.date || (m && m.date))}${c.item ? ", punt " + c.item : ""}${c.item_title ? " " + c.item_title : ""}${c.page ? ", p. " + c.page : ""}`;
}

function citationHref(c) {
  const p = new URLSearchParams({ punt: c.item || "", bron: c.source_id, van: c.start, tot: c.end, citaat: c.quote });
  return `#/vergadering/${encodeURIComponent(c.meeting_id)}?${p}`;
}

/* The quote as shown: redactions as tokens, from the source's recorded spans. */
function quoteNodes(c) {
  return spanNodes(c.source_id, c.start, c.quote).nodes;
}

async function ensureSourcesOf(meetingIds) {
  const missing = [...new Set(meetingIds)].filter((id) => !knownMeetingSources.has(id));
  await Promise.all(missing.map(async (id) => {
    try {
      const meeting = await api("/api/meetings/" + encodeURIComponent(id));
      rememberSources(meeting);
      knownMeetingSources.add(id);
      if (!state.meetings.some((m) => m.id === id)) state.meetings.push(meeting);
    }
    catch (e) { /* shown without tokens rather than not at all */ }
  }));
}
const knownMeetingSources = new Set();
