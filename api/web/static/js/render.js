// Rendering an analysis: notes with highlighted evidence, indicator chips, gaps, the grade card.
// Shared by the live call view and the supervisor's call review. Text only ever goes in as text.

import { h, replace, codepointToUtf16 } from "./dom.js";
import { CRITICAL_LABELS, DOCUMENTS, GRADE_ICON, GRADE_TEXT, SEVERITY_GROUPS, STATUS_ICON, STATUS_TEXT,
         labelName } from "./labels.js";
import { openPassage } from "./passage.js";

// Labels that summarise other evidence ("broke her arm last year" is also a previous
// incident): their spans are drawn only where no more specific span lies.
const SUMMARY_LABELS = new Set(["previous_incidents"]);

// Evidence spans per note index, overlaps dropped: specific labels first, then the earlier,
// then longer, span wins; a span shared exactly by several labels carries them all.
function spansByNote(analysis) {
  const byNote = new Map();
  for (const ind of (analysis && analysis.indicators) || []) {
    for (const ev of ind.evidence || []) {
      if (!byNote.has(ev.message)) byNote.set(ev.message, []);
      byNote.get(ev.message).push({ start: ev.start, end: ev.end, status: ev.status, label: ind.label });
    }
  }
  for (const [key, spans] of byNote) {
    const kept = [];
    for (const summary of [false, true]) {
      const pass = spans.filter((s) => SUMMARY_LABELS.has(s.label) === summary && s.end > s.start)
        .sort((a, b) => a.start - b.start || b.end - a.end);
      for (const s of pass) {
        const same = kept.find((k) => k.start === s.start && k.end === s.end);
        if (same) { same.labels = [...(same.labels || [same.label]), s.label]; continue; }
        if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
      }
    }
    kept.sort((a, b) => a.start - b.start);
    byNote.set(key, kept);
  }
  return byNote;
}

const EV_TAG = { negated: "del", historical: "mark", current: "mark" };
const EV_WORD = { negated: "denied", historical: "in the past", current: "now" };

// One note's text with its evidence marked: negated struck through, historical marked.
export function noteBody(text, spans, noteIndex) {
  const body = h("p", { class: "note-text" });
  const at = codepointToUtf16(text);
  let pos = 0;
  for (const s of spans || []) {
    const start = at(s.start), end = at(s.end);
    if (start < pos || start > text.length) continue;
    if (start > pos) body.append(text.slice(pos, start));
    const labels = s.labels || [s.label];
    const mark = h(EV_TAG[s.status] || "mark", {
      class: `ev ev-${s.status}`, tabindex: "-1",
      dataset: { labels: labels.join(" "), note: String(noteIndex) },
    }, text.slice(start, end),
    h("span", { class: "sr-only" }, ` (${labels.map(labelName).join(", ")}: ${EV_WORD[s.status] || s.status})`));
    body.append(mark);
    pos = end;
  }
  if (pos < text.length) body.append(text.slice(pos));
  return body;
}

export function renderNotes(list, notes, analysis, { extra = [] } = {}) {
  const spans = spansByNote(analysis);
  const items = notes.map((n, i) => h("li", { class: `msg msg-${n.kind === "answer" ? "answer" : "note"}` },
    h("span", { class: "msg-meta" }, n.kind === "answer" ? "Answer recorded" : "Note", n.author ? ` · ${n.author}` : ""),
    noteBody(n.text, spans.get(i), i)));
  replace(list, items, extra);
}

export function focusEvidence(root, label) {
  const mark = [...root.querySelectorAll("[data-labels]")].find((m) => m.dataset.labels.split(" ").includes(label));
  if (!mark) return false;
  mark.scrollIntoView({ block: "nearest" });
  mark.focus();
  mark.classList.add("flash");
  setTimeout(() => mark.classList.remove("flash"), 1500);
  return true;
}

function chip(ind, onPick) {
  const word = STATUS_TEXT[ind.status] || ind.status;
  const implied = (ind.implied_by || []).length ? " (implied)" : "";
  return h("li", {},
    h("button", { type: "button", class: `chip chip-${ind.status}`, dataset: { label: ind.label },
                  onclick: () => onPick(ind.label) },
      h("span", { class: "chip-icon", "aria-hidden": "true" }, STATUS_ICON[ind.status] || "•"),
      h("span", { class: "chip-name" }, labelName(ind.label)),
      h("span", { class: "sr-only" }, ":"),
      h("span", { class: "chip-status" }, word + implied),
      h("span", { class: "sr-only" }, ". Show the evidence in the notes")));
}

// Indicator chips grouped by severity, then the critical gaps.
export function renderIndicators(container, analysis, { onPick = () => {}, dontKnow = new Set(), calm = false } = {}) {
  const indicators = (analysis && analysis.indicators) || [];
  const byLabel = new Map(indicators.map((i) => [i.label, i]));
  const parts = [];
  for (const group of SEVERITY_GROUPS) {
    const found = group.labels.filter((l) => byLabel.has(l)).map((l) => byLabel.get(l));
    if (!found.length) continue;
    parts.push(h("div", { class: `sev sev-${group.id}` },
      h("h3", {}, (calm && group.calmTitle) || group.title, h("span", { class: "count" }, ` (${found.length})`)),
      h("ul", { class: "chips" }, found.map((i) => chip(i, onPick)))));
  }
  if (!parts.length) parts.push(h("p", { class: "muted" }, analysis ? "No indicators in the notes yet." : "Add a note to start."));
  const gaps = CRITICAL_LABELS.filter((l) => !byLabel.has(l));
  if (gaps.length) {
    parts.push(h("div", { class: "gaps" },
      h("h3", {}, calm ? "Not yet known (ask first)" : "Not yet known (critical)"),
      h("ul", { class: "chips" }, gaps.map((l) => h("li", {},
        h("span", { class: "chip chip-gap", dataset: { label: l } },
          h("span", { class: "chip-icon", "aria-hidden": "true" }, "?"),
          h("span", { class: "chip-name" }, labelName(l)),
          h("span", { class: "chip-status" }, dontKnow.has(l) ? "caller did not know" : "unknown")))))));
  }
  replace(container, parts);
}

export function citation(ref) {
  const doc = DOCUMENTS[ref.document] ? ref.document : ref.document;
  return h("button", { type: "button", class: "cite", onclick: () => openPassage(ref) },
    h("span", { class: "sr-only" }, "Open policy passage, document "),
    h("span", { "aria-hidden": "true" }, "§ "), `${doc} ${ref.section}`);
}

export function gradeBadge(grade, { calm = false } = {}) {
  if (!grade) return h("span", { class: "grade grade-none" }, "No grade yet");
  return h("span", { class: `grade grade-${grade}${calm ? " calm" : ""}` },
    calm ? "" : h("span", { "aria-hidden": "true", class: "grade-icon" }, GRADE_ICON[grade] + " "),
    GRADE_TEXT[grade] || grade);
}

// Suggested grade with its reasons (fired rules) and flags, each with policy citations.
export function renderGradeReasons(container, analysis, { calm = false } = {}) {
  const grade = analysis && analysis.grade;
  if (!grade) {
    replace(container, h("p", { class: "muted" }, "No suggestion until the first note is analysed."));
    return;
  }
  const rules = grade.rules || [];
  const flags = grade.flags || [];
  replace(container,
    h("p", { class: "suggested" }, calm ? "Suggested response: " : "Suggested grade: ", gradeBadge(grade.grade, { calm })),
    h("h3", {}, "Why"),
    h("ul", { class: "reasons" }, rules.map((r) => h("li", {},
      h("span", { class: "rule-grade" }, `${GRADE_TEXT[r.grade] || r.grade}: `), r.description,
      (r.indicators || []).length ? h("span", { class: "rule-inds" },
        " Indicators: ", r.indicators.map((i) => `${labelName(i.label)} (${STATUS_TEXT[i.status] || i.status})`).join(", "), ".") : "",
      (r.policy || []).length ? h("span", { class: "cites" }, (r.policy || []).map(citation)) : ""))),
    flags.length ? h("h3", {}, "Flags") : "",
    flags.length ? h("ul", { class: "flags" }, flags.map((f) => h("li", { class: "flag" },
      h("span", { class: "flag-icon", "aria-hidden": "true" }, "⚑ "),
      h("strong", {}, f.action), h("span", {}, ` — ${f.reason}`),
      (f.policy || []).length ? h("span", { class: "cites" }, f.policy.map(citation)) : ""))) : "");
}
