// The live call view (999 script) and the front counter (same view, calm, front-counter script).
// Notes and answers go through one queue, sent one at a time with the call version as If-Match:
// a repeated Enter cannot send twice, and a retry after a lost answer is recognised (412, then
// the note is found already saved). Typed and unsent text is kept in localStorage.

import { api, ApiError, NetworkError, auth, bus } from "./api.js";
import { h, $, replace, show, announce, shortId, when } from "./dom.js";
import { renderNotes, renderIndicators, renderGradeReasons, focusEvidence, gradeBadge } from "./render.js";
import { passageText, kindBadge } from "./passage.js";
import { GRADE_TEXT, GRADE_URGENCY, STATUS_TEXT, labelName } from "./labels.js";

const CALL_KEY = "daca.call";
const DRAFT = (id) => `daca.draft.${id}`;
const QUEUE = (id) => `daca.queue.${id}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let state = null;      // { call, version, analysis, replies }
let queue = [];        // notes, answers and questions waiting to be sent, oldest first
let busy = false;
let calm = false;
let gradeTouched = false;
window.__dacaPerf = window.__dacaPerf || [];

const el = {};

export function setupCall() {
  for (const id of ["call-start", "call-active", "start-form", "open-calls", "call-id", "call-script", "call-status",
                    "repeat", "repeat-body", "history", "note-form", "note-box", "note-count", "note-error",
                    "note-label", "send-button", "send-state", "questions", "indicators", "grade-reasons",
                    "grade-form", "grade-options", "grade-reason-field", "grade-reason", "grade-error", "grade-done",
                    "copy-summary", "close-call", "leave-call", "summary-state", "summary-text", "start-error",
                    "call-title"]) {
    el[id.replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = document.getElementById(id);
  }
  el.noteBox.addEventListener("keydown", onNoteKey);
  el.noteBox.addEventListener("input", onNoteInput);
  el.noteForm.addEventListener("submit", (e) => { e.preventDefault(); submitNote(); });
  for (const r of document.querySelectorAll('input[name="send-mode"]')) {
    r.addEventListener("change", () => {
      replace(el.noteLabel, sendMode() === "ask" ? "Question to the assistant" : "Note");
      el.noteBox.focus();
    });
  }
  el.questions.addEventListener("keydown", onQuestionKey);
  el.startForm.addEventListener("submit", (e) => { e.preventDefault(); startCall(); });
  el.gradeForm.addEventListener("submit", (e) => { e.preventDefault(); chooseGrade(); });
  el.gradeOptions.addEventListener("change", () => { gradeTouched = true; updateReasonField(); });
  el.copySummary.addEventListener("click", copySummary);
  el.closeCall.addEventListener("click", closeCall);
  el.leaveCall.addEventListener("click", () => { sessionStorage.removeItem(CALL_KEY); state = null; showStart(); });
  el.history.addEventListener("click", (e) => {
    const mark = e.target.closest("[data-labels]");
    if (mark) mark.focus();
  });
  bus.addEventListener("online", async () => {
    if (!state) return;
    try { await refreshCall(); renderAll(); } catch { /* the next attempt will tell */ }
    pump();
  });
  bus.addEventListener("offline", () => renderHistory());
  window.addEventListener("pagehide", saveDraft);
}

// ------------------------------------------------------------------ entering the view
export async function showCallView({ frontCounter }) {
  calm = frontCounter;
  document.body.classList.toggle("calm", calm);
  replace(el.callTitle, calm ? "Front counter report" : "Live call");
  replace($("#start-form h2"), calm ? "Start a report" : "Start a call");
  replace($("#start-button"), calm ? "Start report" : "Start call");
  const id = sessionStorage.getItem(CALL_KEY);
  if (id) {
    try { await loadCall(id); return; } catch (err) {
      if (!(err instanceof NetworkError)) sessionStorage.removeItem(CALL_KEY);
      else { showStart(`The service cannot be reached (${err.message}).`); return; }
    }
  }
  showStart();
}

async function showStart(message) {
  show(el.callActive, false);
  show(el.callStart, true);
  show(el.startError, Boolean(message));
  if (message) replace(el.startError, message);
  $("#start-name").focus();
  try {
    const { data } = await api("GET", "/api/v1/calls?status=open&limit=20");
    replace(el.openCalls, data.length ? data.map((c) => h("li", {},
      h("button", { type: "button", class: "link-button", onclick: () => loadCall(c.id).catch(showLoadError) },
        `Resume call ${shortId(c.id)}`),
      h("span", { class: "hint" }, ` opened ${when(c.opened_at)}`, c.suggested_grade ? ` · suggested ${GRADE_TEXT[c.suggested_grade]}` : "",
        c.repeat_victim ? " · repeat victim" : ""))) : h("li", { class: "muted" }, "No open calls."));
  } catch (err) {
    replace(el.openCalls, h("li", { class: "muted" }, `Open calls could not be listed: ${err.message}`));
  }
}

function showLoadError(err) {
  show(el.startError, true);
  replace(el.startError, `The call could not be opened: ${err.message}`);
}

async function startCall() {
  const party = {};
  const name = $("#start-name").value.trim(), dob = $("#start-dob").value, phone = $("#start-phone").value.trim(),
    address = $("#start-address").value.trim();
  if (name) party.name = name;
  if (dob) party.dob = dob;
  if (phone) party.phone = phone;
  if (address) party.address = address;
  const body = { parties: Object.keys(party).length ? [{ role: "victim", ...party }] : [] };
  $("#start-button").disabled = true;
  try {
    const { data } = await api("POST", "/api/v1/calls", { body });
    el.startForm.reset();
    await loadCall(data.id);
  } catch (err) {
    show(el.startError, true);
    replace(el.startError, `The call could not be started: ${err.message}`);
  } finally {
    $("#start-button").disabled = false;
  }
}

async function loadCall(id) {
  const { data, version } = await api("GET", `/api/v1/calls/${encodeURIComponent(id)}`);
  state = { call: data, version: version ?? data.version, analysis: data.analysis && data.analysis.result, replies: [] };
  sessionStorage.setItem(CALL_KEY, id);
  gradeTouched = false;
  try { queue = JSON.parse(localStorage.getItem(QUEUE(id)) || "[]"); } catch { queue = []; }
  for (const item of queue) { item.state = "unsent"; item.uncertain = true; }
  el.noteBox.value = localStorage.getItem(DRAFT(id)) || "";
  onNoteInput();
  show(el.callStart, false);
  show(el.callActive, true);
  replace(el.summaryState, "");
  show(el.summaryText, false);
  show(el.gradeDone, false);
  show(el.gradeError, false);
  show(el.noteError, false);
  renderAll();
  el.noteBox.focus();
  if (queue.length) pump();
}

async function refreshCall() {
  const { data, version } = await api("GET", `/api/v1/calls/${encodeURIComponent(state.call.id)}`);
  state.call = data;
  state.version = version ?? data.version;
  state.analysis = data.analysis && data.analysis.result;
}

// ------------------------------------------------------------------ typing
function sendMode() {
  const checked = document.querySelector('input[name="send-mode"]:checked');
  return checked ? checked.value : "note";
}

function onNoteKey(e) {
  if (e.key === "Enter" && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && !e.isComposing) {
    e.preventDefault();
    submitNote();
  } else if (e.key === "ArrowDown" && e.ctrlKey) {
    const first = el.questions.querySelector("li.question");
    if (first) { e.preventDefault(); first.focus(); }
  }
}

function onNoteInput() {
  saveDraft();
  const n = el.noteBox.value.length;
  show(el.noteCount, n > 2000);
  if (n > 2000) replace(el.noteCount, `${n.toLocaleString("en-GB")} characters`);
}

function saveDraft() {
  if (!state) return;
  try {
    if (el.noteBox.value) localStorage.setItem(DRAFT(state.call.id), el.noteBox.value);
    else localStorage.removeItem(DRAFT(state.call.id));
  } catch {
    show(el.noteError, true);
    replace(el.noteError, "This browser cannot keep a backup of the draft (storage full); send it soon.");
  }
}

function saveQueue() {
  if (!state) return;
  const items = queue.map(({ state: _s, ...rest }) => rest);
  try {
    if (items.length) localStorage.setItem(QUEUE(state.call.id), JSON.stringify(items));
    else localStorage.removeItem(QUEUE(state.call.id));
  } catch { /* kept in memory; the page says unsent */ }
}

function submitNote() {
  if (!state) return;
  const text = el.noteBox.value;
  if (!text.trim()) { el.noteBox.focus(); return; }
  show(el.noteError, false);
  const kind = sendMode() === "ask" ? "ask" : "note";
  enqueue({ kind, text, baseNotes: state.call.notes.length, t0: performance.now() });
  el.noteBox.value = "";
  onNoteInput();
  el.noteBox.focus();
}

function enqueue(item) {
  item.key = (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));
  item.state = "waiting";
  queue.push(item);
  saveQueue();
  renderHistory();
  renderQuestions();
  pump();
}

function restoreText(text) {
  el.noteBox.value = el.noteBox.value ? `${text}\n${el.noteBox.value}` : text;
  onNoteInput();
}

// ------------------------------------------------------------------ sending
async function pump() {
  if (busy || !state) return;
  busy = true;
  setSending(true);
  try {
    while (queue.length && state) {
      const item = queue[0];
      item.state = "sending";
      renderHistory();
      try {
        await send(item);
        queue.shift();
        saveQueue();
      } catch (err) {
        // the request may have reached the service before the connection went: check first next time
        if (err instanceof NetworkError) { item.state = "unsent"; item.uncertain = true; saveQueue(); break; }
        if (err instanceof ApiError && err.status === 429) { item.state = "waiting"; await sleep(1000); continue; }
        // the session ended: the item stays queued (and stored) for after the next login
        if (err instanceof ApiError && err.status === 401) { item.state = "unsent"; item.uncertain = true; break; }
        queue.shift();
        saveQueue();
        refused(item, err);
      }
    }
  } finally {
    busy = false;
    setSending(false);
    renderHistory();
    renderQuestions();
  }
}

function refused(item, err) {
  show(el.noteError, true);
  if (item.kind === "answer") {
    replace(el.noteError, `The answer was not recorded: ${err.message}`);
  } else {
    restoreText(item.text);
    replace(el.noteError, `Not sent: ${err.message} Your text is back in the box.`);
  }
  announce(el.noteError.textContent);
}

function setSending(on) {
  el.sendButton.disabled = on;
  el.sendButton.setAttribute("aria-busy", on ? "true" : "false");
  const waiting = queue.length;
  replace(el.sendState, on ? (waiting > 1 ? `Sending (${waiting} waiting)…` : "Sending…")
    : (waiting ? `${waiting} not sent yet` : ""));
}

const me = () => (auth.session || {}).username;

function alreadySaved(item) {
  if (item.kind === "answer") {
    return state.call.answers.slice(item.baseAnswers).some((a) => a.question_id === item.question_id);
  }
  return state.call.notes.slice(item.baseNotes).some((n) => n.text === item.text && n.kind === "note" && n.author === me());
}

async function send(item) {
  const id = encodeURIComponent(state.call.id);
  if (item.uncertain && item.kind !== "ask") {
    await refreshCall();
    if (alreadySaved(item)) { renderAll(); addReply("Saved before the connection dropped (not sent twice)."); return; }
    item.uncertain = false;
  }
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      if (item.kind === "note") {
        item.tf0 = performance.now();
        const { data } = await api("POST", `/api/v1/calls/${id}/notes`, { body: { text: item.text }, ifMatch: state.version });
        item.tf1 = performance.now();
        applyResult(data, item);
      } else if (item.kind === "answer") {
        const { data } = await api("POST", `/api/v1/calls/${id}/answers`,
          { body: { question_id: item.question_id, answer: item.answer }, ifMatch: state.version });
        applyResult(data, item);
      } else {
        await ask(item);
      }
      return;
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        await refreshCall();
        if (alreadySaved(item)) { renderAll(); addReply(`Already saved (the call was updated elsewhere).`); return; }
        continue;
      }
      throw err;
    }
  }
  throw new ApiError(412, "the call keeps changing under us; try again", "precondition");
}

async function ask(item) {
  const { data } = await api("POST", "/api/v1/chat", { body: { message: item.text, call_id: state.call.id }, timeout: 20000 });
  bus.dispatchEvent(new CustomEvent("degraded", { detail: Boolean(data.degraded) }));
  state.replies.push({ after: state.call.notes.length, kind: "question", text: item.text });
  if (data.note) applyResult(data.note, item, { quietReply: true });
  for (const m of data.messages || []) if (typeof m.text === "string") addReply(m.text, { render: false });
  const hits = (data.policy && data.policy.results) || [];
  if (data.policy && !data.policy.answered) addReply(data.policy.message || "The policy documents do not answer this.", { render: false });
  for (const hit of hits.slice(0, 2)) {
    state.replies.push({ after: state.call.notes.length, kind: "policy", hit });
  }
  renderAll();
}

function statusMap(analysis) {
  return new Map(((analysis && analysis.indicators) || []).map((i) => [i.label, i.status]));
}

function applyResult(data, item, { quietReply = false } = {}) {
  const before = state.analysis;
  const beforeGrade = before && before.grade && before.grade.grade;
  state.version = Math.max(state.version, data.call_version);
  if (data.note && !state.call.notes.some((n) => n.id === data.note.id)) state.call.notes.push(data.note);
  if (data.answer) state.call.answers.push(data.answer);
  let reply;
  if (data.analysis && data.analysis.result) {
    state.call.analysis = data.analysis;
    state.analysis = data.analysis.result;
    state.call.suggested_grade = state.analysis.grade.grade;
    reply = describeChange(before, state.analysis, beforeGrade);
  } else if (data.analysis_error) {
    reply = `Saved. ${data.analysis_error}. The indicators below are from before this note.`;
  } else {
    reply = "Saved.";
  }
  if (item.kind === "answer") reply = `Answer recorded (${item.answerText}). ${reply.replace(/^Saved\.\s*/, "")}`;
  if (!quietReply) addReply(reply, { render: false });
  renderAll();
  if (item.t0 !== undefined) {
    const domMs = performance.now() - item.t0;
    const fetchMs = item.tf1 !== undefined ? item.tf1 - item.tf0 : null;
    const serverMs = data.analysis ? data.analysis.duration_ms : null;
    requestAnimationFrame(() => window.__dacaPerf.push({ kind: item.kind, dom: domMs, frame: performance.now() - item.t0,
                                                         fetch: fetchMs, analysis: serverMs }));
  }
  announce(reply);
}

function describeChange(before, after, beforeGrade) {
  const old = statusMap(before), now = statusMap(after);
  const added = [], changed = [];
  for (const [label, status] of now) {
    if (!old.has(label)) added.push(`${labelName(label)} (${STATUS_TEXT[status]})`);
    else if (old.get(label) !== status) changed.push(`${labelName(label)} ${STATUS_TEXT[old.get(label)]} → ${STATUS_TEXT[status]}`);
  }
  const parts = ["Saved."];
  parts.push(added.length ? `New: ${added.join(", ")}.` : changed.length ? "" : "No change to the indicators.");
  if (changed.length) parts.push(`Changed: ${changed.join(", ")}.`);
  const grade = after.grade && after.grade.grade;
  if (grade && grade !== beforeGrade) {
    parts.push(`${calm ? "Suggested response" : "Suggested grade"}: ${GRADE_TEXT[grade]}${beforeGrade ? ` (was ${GRADE_TEXT[beforeGrade]})` : ""}.`);
  }
  return parts.filter(Boolean).join(" ");
}

function addReply(text, { render = true } = {}) {
  state.replies.push({ after: state.call.notes.length, kind: "reply", text });
  if (render) renderHistory();
}

// ------------------------------------------------------------------ rendering
// Re-rendering replaces elements: put focus back on the equivalent one (chip, grade, citation).
function focusKey() {
  const a = document.activeElement;
  if (!a || a === document.body) return null;
  if (a.matches("button.chip")) return `#indicators button.chip[data-label="${a.dataset.label}"]`;
  if (a.matches('#grade-options input')) return `#grade-options input[value="${a.value}"]`;
  if (a.matches("#grade-reasons button.cite")) {
    const index = [...el.gradeReasons.querySelectorAll("button.cite")].indexOf(a);
    return `#grade-reasons button.cite >> ${index}`;
  }
  return null;
}

function restoreFocus(key) {
  if (!key || (document.activeElement && document.activeElement !== document.body)) return;
  let target;
  if (key.includes(" >> ")) {
    const [selector, index] = key.split(" >> ");
    target = document.querySelectorAll(selector)[Number(index)];
  } else {
    target = document.querySelector(key);
  }
  (target || el.noteBox).focus();
}

function renderAll() {
  if (!state) return;
  const key = focusKey();
  try { renderAllInner(); } finally { restoreFocus(key); }
}

function renderAllInner() {
  const c = state.call;
  replace(el.callId, `Call ${shortId(c.id)}`);
  replace(el.callScript, c.script === "front_counter" ? "Front counter script" : "999 script");
  replace(el.callStatus, c.status === "open" ? "" : ` · ${c.status}`);
  renderRepeat();
  renderHistory();
  renderQuestions();
  const dontKnow = new Set(c.answers.filter((a) => a.answer === "dont_know").map((a) => QUESTION_SETTLES[a.question_id]).filter(Boolean));
  renderIndicators(el.indicators, state.analysis, { dontKnow, calm, onPick: (label) => {
    if (!focusEvidence(el.history, label)) announce(`${labelName(label)} has no highlighted evidence (implied).`);
  } });
  renderGradeReasons(el.gradeReasons, state.analysis, { calm });
  renderGradeOptions();
}

function renderRepeat() {
  const r = state.call.repeat;
  const visible = r && (r.repeat_victim || r.earlier_calls.length);
  show(el.repeat, Boolean(visible));
  if (!visible) return;
  replace(el.repeatBody,
    h("p", { class: r.repeat_victim ? "repeat-flag" : "" },
      h("span", { "aria-hidden": "true" }, "⟲ "),
      r.repeat_victim ? `Repeat victim: ${r.earlier_incidents} earlier call(s) in twelve months.`
        : `${r.earlier_incidents} earlier call(s) found.`),
    h("ul", { class: "plain earlier" }, r.earlier_calls.map((e) => h("li", {},
      h("strong", {}, `${when(e.opened_at)}`), ` · call ${shortId(e.call_id)} · matched on ${e.matched_on.join(", ")}`,
      e.chosen_grade || e.suggested_grade ? ` · graded ${GRADE_TEXT[e.chosen_grade || e.suggested_grade]}` : "",
      e.indicators.length ? h("span", { class: "hint" }, ` · ${e.indicators.map(labelName).join(", ")}`) : ""))),
    r.earlier_answers.length ? h("p", {}, "Answered on earlier calls (not asked again): ",
      r.earlier_answers.map((a) => `${a.question_id.replaceAll("_", " ")}: ${a.answer.replace("dont_know", "don't know")}`).join("; ")) : "");
}

function renderHistory() {
  if (!state) return;
  const pending = queue.map((item) => h("li", { class: `msg msg-pending msg-${item.state}` },
    h("span", { class: "msg-meta" }, item.kind === "answer" ? "Answer" : item.kind === "ask" ? "Question" : "Note",
      " · ", item.state === "unsent" ? "not sent yet: kept here, sent when the service is back" : "sending…"),
    h("p", { class: "note-text" }, item.kind === "answer" ? item.answerText : item.text)));
  renderNotes(el.history, state.call.notes, state.analysis, { extra: pending });
  // replies after the note they follow
  const items = [...el.history.children];
  const noteItems = items.slice(0, state.call.notes.length);
  for (const reply of [...state.replies].reverse()) {
    const node = replyNode(reply);
    const anchor = noteItems[reply.after - 1];
    if (anchor) anchor.after(node);
    else el.history.prepend(node);
  }
  // keep insertion order for replies sharing an anchor
  el.history.scrollTop = el.history.scrollHeight;
}

function replyNode(reply) {
  if (reply.kind === "question") {
    return h("li", { class: "msg msg-question" }, h("span", { class: "msg-meta" }, "Question to the assistant"),
      h("p", { class: "note-text" }, reply.text));
  }
  if (reply.kind === "policy") {
    const hit = reply.hit;
    return h("li", { class: "msg msg-reply" }, h("span", { class: "msg-meta" }, "Policy ", kindBadge(hit.source_kind)),
      h("p", { class: "hint" }, `${hit.document_title} — ${hit.section}`), passageText(hit.text, hit.highlights));
  }
  return h("li", { class: "msg msg-reply" }, h("span", { class: "msg-meta" }, "Assistant"), h("p", { class: "note-text" }, reply.text));
}

// question id -> label it settles (from the latest questions seen)
const QUESTION_SETTLES = {};

function renderQuestions() {
  if (!state) return;
  const qs = ((state.analysis && state.analysis.questions) || [])
    .filter((q) => !queue.some((i) => i.kind === "answer" && i.question_id === q.id));
  for (const q of qs) if (q.settles) QUESTION_SETTLES[q.id] = q.settles;
  const focusedIndex = [...el.questions.children].indexOf(document.activeElement);
  const closed = state.call.status !== "open";
  replace(el.questions, qs.length ? qs.map((q, i) => {
    const core = q.kind === "core";
    return h("li", { class: `question${q.critical ? " critical" : ""}`, tabindex: i === 0 ? "0" : "-1",
                     dataset: { qid: q.id, kind: q.kind }, "aria-keyshortcuts": core ? "Y N D" : "Y D",
                     "aria-labelledby": `q-${q.id}-text` },
      h("p", { class: "q-text", id: `q-${q.id}-text` },
        q.critical ? h("span", { class: "tag tag-critical" }, calm ? "Ask first" : "Critical") : "", q.critical ? " " : "", q.text),
      h("p", { class: "hint" }, q.reason),
      closed ? "" : h("p", { class: "answers" },
        h("button", { type: "button", tabindex: "-1", onclick: () => answer(q, "yes") }, core ? "Yes" : "Asked", h("kbd", { "aria-hidden": "true" }, "Y")),
        core ? h("button", { type: "button", tabindex: "-1", onclick: () => answer(q, "no") }, "No", h("kbd", { "aria-hidden": "true" }, "N")) : "",
        h("button", { type: "button", tabindex: "-1", onclick: () => answer(q, "dont_know") }, "Don't know", h("kbd", { "aria-hidden": "true" }, "D"))));
  }) : h("li", { class: "muted" }, state.analysis ? "No questions left to suggest." : "Questions appear after the first note."));
  if (focusedIndex >= 0) {
    const items = el.questions.querySelectorAll("li.question");
    const target = items[Math.min(focusedIndex, items.length - 1)];
    if (target) { rove(target); target.focus(); } else el.noteBox.focus();
  }
}

function rove(target) {
  for (const li of el.questions.querySelectorAll("li.question")) li.tabIndex = li === target ? 0 : -1;
}

const ANSWER_TEXT = { yes: "yes", no: "no", dont_know: "don't know" };

function answer(q, value) {
  if (!state || state.call.status !== "open") return;
  const text = q.kind === "core" ? ANSWER_TEXT[value] : value === "yes" ? "asked" : "don't know";
  enqueue({ kind: "answer", question_id: q.id, answer: value, answerText: `${q.text} — ${text}`,
            baseAnswers: state.call.answers.length, t0: performance.now() });
}

function onQuestionKey(e) {
  const li = e.target.closest("li.question");
  if (!li) return;
  const items = [...el.questions.querySelectorAll("li.question")];
  const index = items.indexOf(li);
  const q = ((state && state.analysis && state.analysis.questions) || []).find((x) => x.id === li.dataset.qid);
  const key = e.key.toLowerCase();
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  if (key === "arrowdown" || key === "arrowup") {
    e.preventDefault();
    const next = items[Math.max(0, Math.min(items.length - 1, index + (key === "arrowdown" ? 1 : -1)))];
    rove(next);
    next.focus();
  } else if (key === "escape") {
    e.preventDefault();
    el.noteBox.focus();
  } else if (q && e.target === li && (key === "y" || key === "d" || (key === "n" && q.kind === "core"))) {
    e.preventDefault();
    answer(q, key === "y" ? "yes" : key === "n" ? "no" : "dont_know");
  }
}

// ------------------------------------------------------------------ grade
function renderGradeOptions() {
  const suggested = state.analysis && state.analysis.grade && state.analysis.grade.grade;
  const current = el.gradeOptions.querySelector("input:checked");
  const chosen = gradeTouched && current ? current.value : (state.call.chosen_grade || suggested);
  const closed = state.call.status !== "open";
  replace(el.gradeOptions, ["emergency", "priority", "scheduled"].map((g) => h("label", { class: "grade-option" },
    h("input", { type: "radio", name: "grade", value: g, checked: g === chosen, disabled: closed }),
    " ", gradeBadge(g, { calm }), g === suggested ? h("span", { class: "tag" }, " suggested") : "")));
  el.gradeForm.querySelector("#grade-button").disabled = closed;
  updateReasonField();
  const last = state.call.decisions[state.call.decisions.length - 1];
  show(el.gradeDone, Boolean(last));
  if (last) replace(el.gradeDone, decisionText(last));
}

function decisionText(d) {
  return `Recorded: ${GRADE_TEXT[d.chosen]}` + (d.downgrade ? ` (less urgent than suggested ${GRADE_TEXT[d.suggested]}; reason: ${d.reason})` : "")
    + (d.decided_by ? ` by ${d.decided_by}` : "") + ` at ${when(d.decided_at)}.`;
}

function isDowngrade() {
  const suggested = state && state.analysis && state.analysis.grade && state.analysis.grade.grade;
  const chosen = el.gradeOptions.querySelector("input:checked");
  return Boolean(suggested && chosen && GRADE_URGENCY[chosen.value] < GRADE_URGENCY[suggested]);
}

function updateReasonField() {
  const needed = isDowngrade();
  show(el.gradeReasonField, needed);
  el.gradeReason.required = needed;
  el.gradeReason.setAttribute("aria-required", needed ? "true" : "false");
}

async function chooseGrade() {
  show(el.gradeError, false);
  const chosen = el.gradeOptions.querySelector("input:checked");
  const fail = (message, focus) => {
    show(el.gradeError, true);
    replace(el.gradeError, message);
    el.gradeReason.setAttribute("aria-invalid", focus === el.gradeReason ? "true" : "false");
    (focus || el.gradeOptions.querySelector("input") || el.gradeError).focus();
  };
  if (!chosen) return fail("Choose a grade first.");
  if (queue.length || busy) return fail("Wait until every note is sent: the suggestion may still change.");
  const reason = el.gradeReason.value.trim();
  const suggested = state.analysis && state.analysis.grade && state.analysis.grade.grade;
  if (isDowngrade() && reason.length < 5) {
    return fail(`Give a reason (at least 5 characters): ${GRADE_TEXT[chosen.value]} is less urgent than the suggested ${GRADE_TEXT[suggested]}.`, el.gradeReason);
  }
  el.gradeReason.setAttribute("aria-invalid", "false");
  const button = el.gradeForm.querySelector("#grade-button");
  button.disabled = true;
  try {
    const body = { grade: chosen.value };
    if (isDowngrade() || reason) body.reason = el.gradeReason.value;
    const { data } = await api("POST", `/api/v1/calls/${encodeURIComponent(state.call.id)}/grade`, { body, ifMatch: state.version });
    state.version = data.call_version;
    state.call.decisions.push(data.decision);
    state.call.chosen_grade = data.decision.chosen;
    gradeTouched = false;
    el.gradeReason.value = "";
    renderGradeOptions();
    announce(decisionText(data.decision));
  } catch (err) {
    if (err instanceof ApiError && err.status === 412) {
      await refreshCall().catch(() => {});
      renderAll();
      fail("The call changed while you chose (a new note or answer). Check the suggestion and record the grade again.");
    } else {
      fail(`The grade was not recorded: ${err.message}`);
    }
  } finally {
    button.disabled = state.call.status !== "open";
  }
}

// ------------------------------------------------------------------ summary and close
async function copySummary() {
  replace(el.summaryState, "Building the summary…");
  try {
    const { data } = await api("GET", `/api/v1/calls/${encodeURIComponent(state.call.id)}/summary`);
    el.summaryText.value = data.text;
    show(el.summaryText, true);
    let copied = false;
    try { await navigator.clipboard.writeText(data.text); copied = true; } catch {
      el.summaryText.select();
      try { copied = document.execCommand("copy"); } catch { copied = false; }
    }
    replace(el.summaryState, copied ? "Summary copied: paste it into the incident log."
      : "Copying is blocked here: the summary is selected below, copy it with Ctrl+C.");
    if (!copied) { el.summaryText.focus(); el.summaryText.select(); }
  } catch (err) {
    replace(el.summaryState, `The summary could not be built: ${err.message}`);
  }
}

async function closeCall() {
  if (queue.length || busy) {
    replace(el.summaryState, "Wait until every note is sent before closing the call.");
    return;
  }
  try {
    const { data } = await api("POST", `/api/v1/calls/${encodeURIComponent(state.call.id)}/close`, { ifMatch: state.version });
    state.version = data.call_version;
    state.call.status = data.status;
    localStorage.removeItem(DRAFT(state.call.id));
    announce("Call closed.");
    sessionStorage.removeItem(CALL_KEY);
    state = null;
    showStart("The call is closed.");
  } catch (err) {
    if (err instanceof ApiError && err.status === 412) {
      await refreshCall().catch(() => {});
      renderAll();
    }
    replace(el.summaryState, `The call was not closed: ${err.message}`);
  }
}

export function leaveCall() {
  saveDraft();
  state = null;
  queue = [];
}
