// The policy passage behind a citation, in a modal dialog: the cited quote at once, then the
// full passage from the policy corpus when search can find it.

import { api } from "./api.js";
import { h, replace, $ } from "./dom.js";
import { DOCUMENTS } from "./labels.js";

const KIND_TEXT = { "force policy": "Force policy", "inspection report": "Inspection report",
                    "guidance": "National guidance", "app": "College of Policing APP" };

export function kindBadge(kind) {
  const text = KIND_TEXT[kind] || (kind ? kind[0].toUpperCase() + kind.slice(1) : "Source");
  const cls = String(kind || "other").replace(/[^a-z]+/gi, "-").toLowerCase();
  return h("span", { class: `badge badge-${cls}` }, text);
}

// Passage text with the highlighted sentences marked.
export function passageText(text, highlights = []) {
  const p = h("p", { class: "passage-text" });
  let pos = 0;
  for (const hl of [...highlights].sort((a, b) => a.start - b.start)) {
    if (hl.start < pos || hl.end > text.length) continue;
    if (hl.start > pos) p.append(text.slice(pos, hl.start));
    p.append(h("mark", { class: "hl" }, text.slice(hl.start, hl.end)));
    pos = hl.end;
  }
  if (pos < text.length) p.append(text.slice(pos));
  return p;
}

export async function openPassage(ref) {
  const dialog = $("#passage-dialog");
  const body = $("#passage-body", dialog);
  replace($("#passage-title", dialog), `Policy: document ${ref.document}`);
  replace(body,
    h("p", { class: "doc-title" }, DOCUMENTS[ref.document] || `Document ${ref.document}`),
    h("p", { class: "section" }, `Section: ${ref.section}`),
    h("blockquote", { class: "quote" }, ref.quote),
    h("p", { class: "muted", id: "passage-status", role: "status" }, "Finding the full passage…"));
  if (!dialog.open) dialog.showModal();
  try {
    const { data } = await api("POST", "/api/v1/policy/search", { body: { query: ref.quote.slice(0, 2000), k: 1 }, quiet: true });
    const hit = data && data.answered && data.results && data.results[0];
    const status = $("#passage-status", dialog);
    if (!hit) { replace(status, "The full passage was not found in the policy corpus; the cited quote is above."); return; }
    status.remove();
    body.append(h("section", { class: "full-passage", "aria-label": "Full passage" },
      h("h3", {}, "Full passage ", kindBadge(hit.source_kind)),
      h("p", { class: "section" }, `${hit.document_title} — ${hit.section}`),
      passageText(hit.text, hit.highlights)));
  } catch (err) {
    const status = $("#passage-status", dialog);
    if (status) replace(status, `The full passage is not available (${err.message}); the cited quote is above.`);
  }
}

export function setupPassageDialog() {
  const dialog = $("#passage-dialog");
  $("#passage-close", dialog).addEventListener("click", () => dialog.close());
}
