/* The event table: story events sorted and paged by the server (Tabulator). */
import { countryLabel, typeChip } from "../meta.js";
import { state } from "../state.js";
import { $, api, el, loadScript, LEVELS, number } from "../util.js";

const PAGE = 50;
let table = null;
let loadedKey = null;

function key() {
  return JSON.stringify([state.filters, state.sort, state.order, state.page]);
}

const cell = (render) => (c) => render(c.getRow().getData(), c.getValue()) ?? "";

function actor(name, code) {
  if (!name) return "";
  return el("span", {}, name, code ? el("small", { class: "muted" }, " " + code) : "");
}

const COLUMNS = [
  { title: "Date", field: "date", width: 122, formatter: cell((r, v) => el("span", {
    title: "date precision: " + (r.precision || "unknown") }, v || "—",
    r.precision === "published" ? el("small", { class: "muted" }, " pub.") : "")) },
  { title: "Type · mode", field: "type", width: 200, formatter: cell((r) => typeChip(r.type, r.mode)) },
  { title: "Source (who)", field: "source", minWidth: 150, formatter: cell((r) => actor(r.source, r.source_country)) },
  { title: "Target (whom)", field: "target", minWidth: 150, formatter: cell((r) => actor(r.target, r.target_country)) },
  { title: "Place", field: "place", minWidth: 170, formatter: cell((r) => r.place ? el("span", {
    title: [r.place_canonical, LEVELS[r.level]].filter(Boolean).join(", ") }, r.place,
  el("small", { class: "muted" }, " " + [countryLabel(r.country), LEVELS[r.level]].filter(Boolean).join(", "))) : "—") },
  { title: "Killed", field: "fatalities", hozAlign: "right", width: 80, formatter: cell((r, v) => number(v)) },
  { title: "Status", field: "statuses", width: 105 },
  { title: "Conf.", field: "confidence", hozAlign: "right", width: 78,
    formatter: cell((r, v) => (v === null || v === undefined ? "" : v.toFixed(2))) },
  { title: "Reports", field: "mentions", hozAlign: "right", width: 104 },
  { title: "Articles", field: "articles", hozAlign: "right", width: 104 },
];

async function request(_url, _config, params) {
  const sorter = (params.sort || [])[0] || { field: "date", dir: "desc" };
  Object.assign(state, { page: params.page, sort: sorter.field, order: sorter.dir });
  loadedKey = key();
  currentApp.note({});
  const body = await api("events/table", { ...state.filters, sort: sorter.field,
    order: sorter.dir, limit: params.size, offset: (params.page - 1) * params.size });
  return { data: body.items, last_row: body.total,
    last_page: Math.max(1, Math.ceil(body.total / params.size)) };
}

let currentApp = null;

function build(app) {
  return new Promise((resolve) => {
    table?.destroy();
    table = new window.Tabulator("#event-table", {
      layout: "fitColumns", height: "100%", columns: COLUMNS, ajaxURL: "/api/events/table",
      ajaxRequestFunc: request, pagination: true, paginationMode: "remote", sortMode: "remote",
      paginationSize: PAGE, paginationInitialPage: state.page, paginationCounter: "rows",
      initialSort: [{ column: state.sort, dir: state.order }], index: "id",
      placeholder: "Nothing matches these filters.",
      rowFormatter: (row) => { row.getElement().dataset.id = row.getData().id; },
    });
    table.on("rowClick", (_e, row) => app.openStory(row.getData().id));
    table.on("dataProcessed", () => resolve());
  });
}

export async function draw(app) {
  currentApp = app;
  await loadScript("/static/vendor/tabulator/tabulator.min.js");
  if (table && loadedKey === key()) { table.redraw(); return; }
  await build(app);
}

export function resize() { table?.redraw(); }
