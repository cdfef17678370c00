/* vigie dashboard: one filter state (in the URL) drawn by every view; nothing leaves this server. */
import { loadMeta, meta } from "./meta.js";
import { FILTERS, readURL, state, writeURL } from "./state.js";
import { $, api, clear, el, number, plural } from "./util.js";
import * as table from "./views/table.js";
import * as map from "./views/map.js";
import * as timeline from "./views/timeline.js";
import * as network from "./views/network.js";
import * as disputes from "./views/disputes.js";
import * as articles from "./views/articles.js";
import * as story from "./views/story.js";

const VIEWS = { table, map, timeline, network, disputes, articles, story };
let generation = 0;

/* The app the views call back: change the state, then draw. */
export const app = {
  /* Replace some filters (null removes one) and draw again. */
  setFilters(changes) {
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === undefined || v === "") delete state.filters[k];
      else state.filters[k] = v;
    }
    state.page = 1;
    state.at = null;
    writeURL(true);
    render();
  },
  show(view, extra = {}) {
    Object.assign(state, extra, { view });
    writeURL(true);
    render();
  },
  openStory(id) { app.show("story", { story: id }); },
  openArticle(doc, at = null) { app.show("articles", { doc, at }); },
  /* A view's own state (table order, article shown) without a new history entry. */
  note(extra) { Object.assign(state, extra); writeURL(false); },
  isCurrent(token) { return token === generation; },
};

function fillForm() {
  const form = $("#filters");
  for (const key of FILTERS) {
    const input = form.elements[key];
    input.value = state.filters[key] || "";
    input.classList.toggle("set", Boolean(state.filters[key]));
  }
}

function readForm() {
  const data = new FormData($("#filters"));
  const changes = {};
  for (const key of FILTERS) changes[key] = (data.get(key) || "").trim() || null;
  return changes;
}

async function drawCounts(token) {
  const box = $("#counts");
  const s = await api("events/summary", state.filters);
  if (!app.isCurrent(token)) return;
  clear(box);
  if (!s.stories) {
    box.append(el("span", { class: "empty" }, "Nothing matches these filters."));
    return;
  }
  box.append(el("b", {}, plural(s.stories, "event")), " from ", el("b", {}, plural(s.reports, "report")),
    " in ", el("b", {}, plural(s.articles, "article")), " · ",
    el("b", {}, number(s.fatalities)), " killed (lowest claim, " + plural(s.with_fatalities, "event") +
    " with a toll)", " · " + number(s.unlocated) + " without a place · " + number(s.undated) + " undated");
  document.querySelector("#tabs [data-view=table]").dataset.count = s.stories;
}

async function render() {
  const token = ++generation;
  document.body.dataset.busy = "1";
  document.body.dataset.view = state.view;
  $("#error").hidden = true;
  fillForm();
  document.querySelectorAll("#tabs button").forEach(
    (b) => b.classList.toggle("active", b.dataset.view === state.view));
  document.querySelectorAll(".view").forEach(
    (s) => s.classList.toggle("active", s.id === "view-" + state.view));
  $("#story-tab").hidden = !state.story;
  try {
    await Promise.all([drawCounts(token), VIEWS[state.view].draw(app, token)]);
  } catch (err) {
    if (!app.isCurrent(token)) return;
    $("#error").textContent = err.message;
    $("#error").hidden = false;
  }
  if (app.isCurrent(token)) document.body.dataset.busy = "0";
}

function fillChoices() {
  const form = $("#filters");
  for (const quad of meta.quads) {
    const group = el("optgroup", { label: quad.name });
    for (const t of meta.types.filter((x) => x.quad === quad.quad)) group.append(el("option", { value: t.type }, t.type));
    form.elements.type.append(group);
  }
  for (const c of meta.countries) form.elements.country.append(el("option", { value: c.code }, c.name));
  for (const s of meta.statuses) form.elements.status.append(el("option", { value: s }, s));
}

async function fillActors() {
  const list = $("#actor-names");
  if (list.childElementCount) return;
  const page = await api("actors", { limit: 500 });
  for (const a of page.items) list.append(el("option", { value: a.name }));
}

function wire() {
  const form = $("#filters");
  form.addEventListener("submit", (ev) => { ev.preventDefault(); app.setFilters(readForm()); });
  form.addEventListener("change", (ev) => {
    if (ev.target.tagName === "SELECT" || ev.target.type === "date") app.setFilters(readForm());
  });
  form.elements.actor.addEventListener("focus", () => fillActors().catch(() => {}), { once: true });
  $("#clear-filters").addEventListener("click", () => app.setFilters(
    Object.fromEntries(FILTERS.map((k) => [k, null]))));
  document.querySelectorAll("#tabs button").forEach(
    (b) => b.addEventListener("click", () => app.show(b.dataset.view)));
  window.addEventListener("popstate", () => { readURL(); render(); });
  let resizing;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => VIEWS[state.view].resize?.(), 150);
  });
}

async function start() {
  readURL();
  wire();
  try {
    await loadMeta();
    fillChoices();
  } catch (err) {
    $("#error").textContent = err.message;
    $("#error").hidden = false;
  }
  await render();
  document.body.dataset.ready = "1";
}

start();
