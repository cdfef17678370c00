/* The one filter and view state, kept in the page's URL (?view=map&type=ASSAULT...). */

export const FILTERS = ["type", "actor", "country", "place", "status", "min_confidence", "since",
  "until", "text"];
// What else the URL keeps: the selected story and article, the table's order and page.
const OTHERS = ["story", "doc", "at", "sort", "order", "page"];
export const VIEWS = ["table", "map", "timeline", "network", "disputes", "articles", "story"];

export const state = { view: "table", filters: {}, story: null, doc: null, at: null,
  sort: "date", order: "desc", page: 1 };

export function readURL() {
  const params = new URLSearchParams(location.search);
  const view = params.get("view");
  state.view = VIEWS.includes(view) ? view : "table";
  state.filters = {};
  for (const key of FILTERS) if (params.get(key)) state.filters[key] = params.get(key);
  state.story = Number(params.get("story")) || null;
  state.doc = Number(params.get("doc")) || null;
  state.at = params.has("at") ? Number(params.get("at")) : null;
  state.sort = params.get("sort") || "date";
  state.order = params.get("order") === "asc" ? "asc" : "desc";
  state.page = Number(params.get("page")) || 1;
  if (state.view === "story" && !state.story) state.view = "table";
}

export function url() {
  const params = new URLSearchParams();
  if (state.view !== "table") params.set("view", state.view);
  for (const key of FILTERS) if (state.filters[key]) params.set(key, state.filters[key]);
  for (const key of OTHERS) {
    const value = state[key];
    const dflt = { sort: "date", order: "desc", page: 1 }[key];
    if (value !== null && value !== undefined && value !== dflt) params.set(key, value);
  }
  const query = params.toString();
  return location.pathname + (query ? "?" + query : "");
}

/* A new history entry for what the user did; replace for what follows from it. */
export function writeURL(push = true) {
  const next = url();
  if (next === location.pathname + location.search) return;
  if (push) history.pushState(null, "", next);
  else history.replaceState(null, "", next);
}

/* The filters without the date range (the timeline shows the whole range around its brush). */
export function undated(filters) {
  const { since, until, ...rest } = filters;
  return rest;
}
