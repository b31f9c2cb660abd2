// Start-up: login, the views each role may use, banners for a lost connection and for the
// chat layer's degraded mode.

import { api, auth, bus, chatLayerStatus } from "./api.js";
import { h, $, replace, show, announce } from "./dom.js";
import { setupCall, showCallView, leaveCall } from "./call.js";
import { setupTraining, showTraining } from "./training.js";
import { setupSupervisor, showSupervisor } from "./supervisor.js";
import { setupPassageDialog } from "./passage.js";

// Views by role: the first is the default.
const VIEWS = {
  call_handler: [["call", "Live call"], ["policy", "Policy"]],
  front_counter: [["counter", "Front counter"], ["policy", "Policy"]],
  trainee: [["training", "Training"]],
  supervisor: [["supervisor", "Supervisor"], ["policy", "Policy"]],
  admin: [["policy", "Policy"]],
};
const SECTION = { call: "view-call", counter: "view-call", policy: "view-training", training: "view-training",
                  supervisor: "view-supervisor", login: "view-login" };
let current = null;
let readyTimer = null;

function views() {
  const session = auth.session;
  return session ? VIEWS[session.role] || [] : [];
}

async function route() {
  const session = auth.session;
  const allowed = views();
  let name = (location.hash || "").slice(1);
  if (!session) name = "login";
  else if (!allowed.some(([v]) => v === name)) name = allowed.length ? allowed[0][0] : "login";
  if (current === "call" || current === "counter") { if (name !== current) leaveCall(); }
  current = name;
  for (const id of new Set(Object.values(SECTION))) show(document.getElementById(id), SECTION[name] === id);
  renderNav(name);
  if (name === "login") { $("#login-username").focus(); return; }
  if (name === "call" || name === "counter") await showCallView({ frontCounter: name === "counter" });
  else if (name === "policy" || name === "training") showTraining({ trainee: name === "training" });
  else if (name === "supervisor") await showSupervisor();
}

function renderNav(name) {
  const session = auth.session;
  const allowed = views();
  show($("#nav"), Boolean(session) && allowed.length > 1);
  replace($("#nav-list"), allowed.map(([v, text]) => h("li", {},
    h("a", { href: `#${v}`, "aria-current": v === name ? "page" : null }, text))));
  show($("#who"), Boolean(session));
  show($("#logout"), Boolean(session));
  if (session) replace($("#who"), `${session.username} (${session.role.replaceAll("_", " ")})`);
}

async function login(e) {
  e.preventDefault();
  const error = $("#login-error");
  const username = $("#login-username").value.trim(), password = $("#login-password").value;
  show(error, false);
  if (!username || !password) {
    show(error, true);
    replace(error, "Enter your username and password.");
    (username ? $("#login-password") : $("#login-username")).focus();
    return;
  }
  try {
    const { data } = await api("POST", "/api/v1/auth/token", { body: { username, password } });
    auth.save({ token: data.access_token, username: data.username, role: data.role, expires_at: data.expires_at });
    $("#login-form").reset();
    location.hash = "";
    await route();
    watchChatLayer();
  } catch (err) {
    show(error, true);
    replace(error, err.status === 401 ? "Wrong username or password." : `Could not log in: ${err.message}`);
    $("#login-password").focus();
  }
}

async function logout() {
  try { await api("POST", "/api/v1/auth/logout"); } catch { /* the token is forgotten anyway */ }
  sessionStorage.removeItem("daca.call");  // the next person at this screen starts afresh
  expire();
}

function expire(message) {
  auth.forget();
  leaveCall();
  current = null;
  location.hash = "";
  route();
  if (message) { show($("#login-error"), true); replace($("#login-error"), message); }
}

function setDegraded(on) {
  const banner = $("#banner-degraded");
  if (banner.hidden === !on) return;
  show(banner, on);
  announce(on ? "Chat assistant unavailable: degraded mode. Notes are still analysed." : "Chat assistant available again.");
}

async function checkChatLayer() {
  if (!auth.session) return;
  const ok = await chatLayerStatus();
  if (ok !== null) setDegraded(!ok);
}

function watchChatLayer() {
  clearInterval(readyTimer);
  checkChatLayer();
  readyTimer = setInterval(checkChatLayer, 15000);
}

function start() {
  setupCall();
  setupTraining();
  setupSupervisor();
  setupPassageDialog();
  $("#login-form").addEventListener("submit", login);
  $("#logout").addEventListener("click", logout);
  // only view names route; any other fragment (the skip link's #main) is plain navigation
  window.addEventListener("hashchange", () => {
    const name = location.hash.slice(1);
    if (!name || SECTION[name] || !current) route();
  });
  $("a.skip").addEventListener("click", (e) => { e.preventDefault(); $("#main").focus(); });
  bus.addEventListener("offline", () => show($("#banner-offline"), true));
  bus.addEventListener("online", () => { show($("#banner-offline"), false); announce("Connection restored."); checkChatLayer(); });
  bus.addEventListener("unauthenticated", () => expire("Your session has ended: log in again. Unsent text is kept."));
  bus.addEventListener("degraded", (e) => setDegraded(Boolean(e.detail)));
  route();
  if (auth.session) watchChatLayer();
}

start();
