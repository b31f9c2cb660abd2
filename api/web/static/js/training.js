// Training mode (and the policy view for every role): policy questions only, answered from
// the policy corpus with cited passages and their source kind, or an honest "no answer".

import { api } from "./api.js";
import { h, $, replace, announce } from "./dom.js";
import { kindBadge, passageText } from "./passage.js";

let sending = false;

export function setupTraining() {
  const form = $("#policy-form"), box = $("#policy-query");
  form.addEventListener("submit", (e) => { e.preventDefault(); ask(); });
  box.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && !e.isComposing) {
      e.preventDefault();
      ask();
    }
  });
}

export function showTraining({ trainee }) {
  replace($("#training-title"), trainee ? "Training: policy questions" : "Policy questions");
  $("#policy-query").focus();
}

async function ask() {
  const box = $("#policy-query"), state = $("#policy-state"), results = $("#policy-results");
  const query = box.value.trim();
  if (!query || sending) { box.focus(); return; }
  sending = true;
  $("#policy-button").disabled = true;
  replace(state, "Searching the policy documents…");
  try {
    const { data } = await api("POST", "/api/v1/policy/search", { body: { query, k: 5 }, timeout: 60000 });
    const hits = data.results || [];
    if (!data.answered || !hits.length) {
      replace(results, h("div", { class: "no-answer" },
        h("h2", {}, h("span", { "aria-hidden": "true" }, "∅ "), "No answer in the policy documents"),
        h("p", {}, data.message || "The policy documents do not answer this question."),
        h("p", { class: "hint" }, "Ask a supervisor or your trainer; do not guess.")));
      replace(state, "No answer found in the policy documents.");
    } else {
      replace(results, h("h2", {}, `Passages (${hits.length})`),
        (data.warnings || []).map((w) => h("p", { class: "warning" }, h("span", { "aria-hidden": "true" }, "⚠ "), String(w))),
        h("ol", { class: "plain cards passages" }, hits.map((hit) => h("li", { class: "passage" },
          h("p", { class: "passage-head" }, kindBadge(hit.source_kind), " ",
            h("strong", {}, hit.document_title), hit.version ? h("span", { class: "hint" }, ` (${hit.version})`) : ""),
          hit.superseded ? h("p", { class: "warning" }, h("span", { "aria-hidden": "true" }, "⚠ "),
            "Superseded", hit.superseded_by ? ` by ${hit.superseded_by}` : "", ": check the current version.") : "",
          h("p", { class: "section" }, `Section: ${hit.section}`),
          passageText(hit.text, hit.highlights),
          h("p", { class: "hint" }, `Passage ${hit.passage_id}`)))));
      replace(state, `${hits.length} passage(s) found; the sentences that answer are highlighted.`);
    }
    announce(state.textContent);
  } catch (err) {
    replace(results, "");
    replace(state, `Policy search failed: ${err.message}`);
  } finally {
    sending = false;
    $("#policy-button").disabled = false;
    box.focus();
  }
}
