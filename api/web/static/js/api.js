// The service's API: bearer token, JSON, clear errors, connection state.

const TOKEN_KEY = "daca.session";
export const bus = new EventTarget();
const emit = (type, detail) => bus.dispatchEvent(new CustomEvent(type, { detail }));

export class ApiError extends Error {
  constructor(status, message, code, body) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

// The service could not be reached (down, restarting, or the request timed out).
export class NetworkError extends Error {}

export const auth = {
  get session() {
    try { return JSON.parse(sessionStorage.getItem(TOKEN_KEY) || "null"); } catch { return null; }
  },
  save(session) { sessionStorage.setItem(TOKEN_KEY, JSON.stringify(session)); },
  forget() { sessionStorage.removeItem(TOKEN_KEY); },
};

export function errorText(body, status) {
  const detail = body && body.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return detail.map((e) => {
      const where = (e.loc || []).filter((p) => p !== "body").join(" ");
      return where ? `${where}: ${e.msg}` : e.msg;
    }).join("; ");
  }
  if (status === 413) return "That is too large for the service to accept.";
  return `The service answered ${status}.`;
}

let online = true;
export const isOnline = () => online;

function setOnline(value) {
  if (online === value) return;
  online = value;
  emit(value ? "online" : "offline");
}

export async function api(method, path, { body, ifMatch, timeout = 15000, quiet = false } = {}) {
  const headers = { Accept: "application/json" };
  const session = auth.session;
  if (session && session.token) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (ifMatch !== undefined && ifMatch !== null) headers["If-Match"] = `"${ifMatch}"`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal, cache: "no-store", credentials: "omit",
    });
  } catch (err) {
    if (!quiet) setOnline(false);
    throw new NetworkError(err && err.name === "AbortError" ? "the service did not answer in time"
      : "the service cannot be reached");
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 502 || response.status === 504) {
    if (!quiet) setOnline(false);
    throw new NetworkError("the service is unavailable");
  }
  setOnline(true);
  const type = response.headers.get("content-type") || "";
  let data = null;
  if (response.status !== 204) {
    data = type.includes("json") ? await response.json().catch(() => null) : await response.text();
  }
  if (!response.ok) {
    if (response.status === 401 && path !== "/api/v1/auth/token") emit("unauthenticated");
    throw new ApiError(response.status, errorText(data, response.status), data && data.code, data);
  }
  const etag = response.headers.get("etag");
  return { data, version: etag ? Number(etag.replaceAll('"', "")) : null };
}

// While offline, ask /health every second; say "online" when it answers.
let watching = false;
export async function watchHealth() {
  if (watching) return;
  watching = true;
  while (!online) {
    try {
      const r = await fetch("/health", { cache: "no-store" });
      if (r.ok) setOnline(true);
    } catch { /* still down */ }
    if (!online) await new Promise((res) => setTimeout(res, 1000));
  }
  watching = false;
}
bus.addEventListener("offline", () => watchHealth());

// Is the chat (Rasa) layer up? /ready says; a slow answer is not an outage.
export async function chatLayerStatus() {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    const r = await fetch("/ready", { cache: "no-store", signal: controller.signal });
    const data = await r.json();
    const rasa = data && data.checks && data.checks.rasa;
    return rasa ? Boolean(rasa.ok) : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
