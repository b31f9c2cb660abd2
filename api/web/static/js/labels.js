// Display data for the sidebar: plain names, severity groups and source documents.
// Ids are the contract in shared/spec/risk-indicators.md; a force may reword the names here.

export const LABEL_NAMES = {
  children_present: "Children present",
  weapon: "Weapon",
  firearm_access: "Firearm access",
  escalation: "Escalation",
  coercive_control: "Coercive control",
  strangulation: "Strangulation",
  threats_to_kill: "Threats to kill",
  injury: "Injury",
  suspect_present: "Suspect present",
  separation: "Separation",
  pregnancy: "Pregnancy / new baby",
  stalking_harassment: "Stalking / harassment",
  sexual_abuse: "Sexual abuse",
  previous_incidents: "Previous incidents",
  order_breach: "Court order / breach",
  substance_misuse: "Drink or drugs",
  mental_health_suicide: "Suicide / mental health",
  honour_based_abuse: "Honour-based abuse",
  vulnerable_victim: "Vulnerable victim",
  police_perpetrator: "Police perpetrator",
  cannot_talk_safely: "Cannot talk safely",
  animal_abuse: "Animal abuse",
  safety_confirmed: "Safety confirmed",
};

// Severity groups, most severe first. Every label is in exactly one group.
export const SEVERITY_GROUPS = [
  { id: "danger", title: "Immediate danger", calmTitle: "Serious harm",
    labels: ["suspect_present", "weapon", "cannot_talk_safely", "injury", "strangulation", "threats_to_kill",
             "firearm_access"] },
  { id: "high", title: "High harm",
    labels: ["sexual_abuse", "mental_health_suicide", "honour_based_abuse", "police_perpetrator", "children_present",
             "pregnancy", "escalation", "stalking_harassment", "order_breach"] },
  { id: "risk", title: "Other risk factors",
    labels: ["coercive_control", "separation", "previous_incidents", "substance_misuse", "vulnerable_victim",
             "animal_abuse"] },
  { id: "protective", title: "Protective", labels: ["safety_confirmed"] },
];

// Labels whose absence is a gap to close first (the script's critical questions).
export const CRITICAL_LABELS = ["cannot_talk_safely", "suspect_present", "weapon", "injury", "children_present"];

// Status words and icons: never colour alone.
export const STATUS_TEXT = { current: "now", historical: "in the past", negated: "denied" };
export const STATUS_ICON = { current: "●", historical: "⟲", negated: "✕" };

export const GRADE_TEXT = { emergency: "Emergency", priority: "Priority", scheduled: "Scheduled" };
export const GRADE_ICON = { emergency: "▲▲▲", priority: "▲▲", scheduled: "▲" };
export const GRADE_URGENCY = { emergency: 3, priority: 2, scheduled: 1 };

// Document ids used by policy citations (assistant/policy_refs.yml).
export const DOCUMENTS = {
  "000": "College of Policing APP: Leadership, strategic oversight and management (2021)",
  "001": "College of Policing APP: Leadership, strategic oversight and management (current)",
  "002": "HMIC (2015) Increasingly everyone's business",
  "003": "HMIC (2014) Kent Police's approach to tackling domestic abuse",
  "004": "West Midlands Police policy PP/04 Domestic Abuse v5.1",
};

export function labelName(label) {
  return LABEL_NAMES[label] || String(label).replaceAll("_", " ");
}
