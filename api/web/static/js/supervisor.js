// Supervisor view: live high-risk calls, downgrades with reasons, a dip-sample, and a review
// of any of them (the call read-only, with its evidence, suggestion and decisions).

import { api } from "./api.js";
import { h, $, replace, show, announce, shortId, when } from "./dom.js";
import { renderNotes, renderIndicators, renderGradeReasons, focusEvidence, gradeBadge } from "./render.js";
import { GRADE_TEXT, labelName } from "./labels.js";

let reviewing = null;

export function setupSupervisor() {
  $("#sup-refresh").addEventListener("click", refresh);
  $("#sup-dip").addEventListener("click", dip);
  $("#review-form").addEventListener("submit", (e) => { e.preventDefault(); review(); });
}

let timer = null;

export async function showSupervisor() {
  await refresh();
  $("#sup-refresh").focus();
  // live calls change: refresh every 30 s while this view is on screen
  clearInterval(timer);
  timer = setInterval(() => {
    if ($("#view-supervisor").hidden) { clearInterval(timer); timer = null; return; }
    refresh();
  }, 30000);
}

function openButton(callId, text) {
  return h("button", { type: "button", class: "link-button", onclick: () => openCall(callId) }, text || `Review call ${shortId(callId)}`);
}

async function refresh() {
  replace($("#sup-state"), "Loading…");
  try {
    const [live, down] = await Promise.all([api("GET", "/api/v1/supervisor/live"), api("GET", "/api/v1/supervisor/downgrades?days=30")]);
    replace($("#sup-live"), live.data.length ? live.data.map((c) => h("li", { class: "card" },
      h("p", {}, openButton(c.call_id), " suggested ", gradeBadge(c.suggested_grade),
        c.chosen_grade && c.chosen_grade !== c.suggested_grade ? [" · chosen ", gradeBadge(c.chosen_grade)] : "",
        c.chosen_grade && c.chosen_grade === c.suggested_grade ? " · chosen" : ""),
      h("p", { class: "hint" }, `Opened ${when(c.opened_at)} · ${c.notes} note(s)`,
        c.repeat_victim ? " · ⟲ repeat victim" : "", c.script === "front_counter" ? " · front counter" : ""))) :
      h("li", { class: "muted" }, "No open high-risk calls."));
    replace($("#sup-downgrades"), down.data.length ? down.data.map((d) => h("li", { class: "card downgrade" },
      h("p", {}, openButton(d.call_id), " ", h("span", { class: "downgrade-line" },
        `Suggested ${GRADE_TEXT[d.suggested] || d.suggested} → chosen ${GRADE_TEXT[d.chosen] || d.chosen}`)),
      h("p", {}, h("span", { class: "hint" }, "Reason: "), d.reason || "(none)"),
      h("p", { class: "hint" }, `By ${d.decided_by} at ${when(d.decided_at)}`))) :
      h("li", { class: "muted" }, "No downgrades in the last 30 days."));
    replace($("#sup-state"), `Updated ${new Date().toLocaleTimeString("en-GB")}.`);
  } catch (err) {
    replace($("#sup-state"), `Could not load: ${err.message}`);
  }
}

async function dip() {
  try {
    const { data } = await api("GET", "/api/v1/supervisor/dip-sample?days=30");
    replace($("#sup-dip-list"), data.length ? data.map((c) => h("li", { class: "card" },
      h("p", {}, openButton(c.call_id), " ", gradeBadge(c.chosen_grade), " chosen",
        c.suggested_grade && c.suggested_grade !== c.chosen_grade ? ` (suggested ${GRADE_TEXT[c.suggested_grade]})` : ""),
      h("p", { class: "hint" }, `Opened ${when(c.opened_at)}`, c.reviewed ? " · ✓ reviewed" : " · not reviewed yet",
        c.repeat_victim ? " · ⟲ repeat victim" : ""))) : h("li", { class: "muted" }, "No graded calls in the last 30 days."));
    announce(`Dip-sample of ${data.length} call(s).`);
  } catch (err) {
    replace($("#sup-dip-list"), h("li", { class: "error" }, `Could not draw a sample: ${err.message}`));
  }
}

async function openCall(callId) {
  const section = $("#sup-detail"), body = $("#sup-detail-body");
  show(section, true);
  show($("#review-done"), false);
  show($("#review-error"), false);
  replace(body, h("p", {}, "Loading…"));
  try {
    const { data: c } = await api("GET", `/api/v1/calls/${encodeURIComponent(callId)}`);
    reviewing = c.id;
    replace($("#sup-detail-title"), `Call ${shortId(c.id)} (${c.script === "front_counter" ? "front counter" : "999"}, ${c.status})`);
    const analysis = c.analysis && c.analysis.result;
    const notes = h("ol", { class: "history", tabindex: "0", "aria-label": "Notes of this call" });
    renderNotes(notes, c.notes, analysis);
    const indicators = h("div");
    renderIndicators(indicators, analysis, { onPick: (label) => focusEvidence(notes, label) });
    const reasons = h("div");
    renderGradeReasons(reasons, analysis, {});
    replace(body,
      h("h3", {}, "Decisions"),
      h("ul", { class: "plain" }, c.decisions.length ? c.decisions.map((d) => h("li", { class: d.downgrade ? "downgrade" : "" },
        `${GRADE_TEXT[d.chosen]} chosen`, d.suggested ? ` (suggested ${GRADE_TEXT[d.suggested]})` : "",
        d.downgrade ? h("strong", {}, " · downgrade") : "", d.reason ? ` · reason: ${d.reason}` : "",
        ` · ${d.decided_by || "?"} at ${when(d.decided_at)}`)) : h("li", { class: "muted" }, "No grade chosen yet.")),
      c.repeat.repeat_victim ? h("p", { class: "repeat-flag" }, `⟲ Repeat victim: ${c.repeat.earlier_incidents} earlier call(s).`) : "",
      h("h3", {}, "Notes"), notes,
      h("h3", {}, "Indicators"), indicators,
      h("h3", {}, "Suggestion"), reasons);
    section.focus();
  } catch (err) {
    reviewing = null;
    replace(body, h("p", { class: "error" }, `Could not open the call: ${err.message}`));
  }
}

async function review() {
  const error = $("#review-error"), done = $("#review-done");
  show(error, false);
  const outcome = document.querySelector('input[name="review-outcome"]:checked');
  if (!reviewing) return;
  if (!outcome) {
    show(error, true);
    replace(error, "Choose agree or disagree.");
    document.querySelector('input[name="review-outcome"]').focus();
    return;
  }
  const comment = $("#review-comment").value.trim();
  try {
    const { data } = await api("POST", "/api/v1/supervisor/reviews",
      { body: { call_id: reviewing, outcome: outcome.value, comment: comment || null } });
    show(done, true);
    replace(done, `Review recorded: ${data.outcome}${data.comment ? ` — ${data.comment}` : ""} (${data.reviewer}, ${when(data.reviewed_at)}).`);
    $("#review-form").reset();
    announce(done.textContent);
  } catch (err) {
    show(error, true);
    replace(error, `The review was not recorded: ${err.message}`);
  }
}

export { labelName };
