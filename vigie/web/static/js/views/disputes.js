/* Disputed figures: per story and kind, each claimant's figure beside the sentence that gives it. */
import { typeChip } from "../meta.js";
import { state } from "../state.js";
import { $, api, clear, el, marked, number, plural } from "../util.js";

function value(claim) {
  if (claim.low !== null && claim.high !== null && claim.low !== claim.high) return `${number(claim.low)}–${number(claim.high)}`;
  if (claim.value === null) return "?";
  return (claim.low !== null && claim.high === null && claim.low === claim.value ? "≥ " : "") + number(claim.value);
}

function claimRow(app, claim) {
  // The article by its title (its id when it has none), the date below: a claim is judged by
  // who said it, where and when.
  const article = el("a", { class: "link", title: claim.doc_id,
    onclick: () => app.openArticle(claim.document, claim.start) }, claim.title || claim.doc_id);
  return el("tr", {}, el("td", {}, claim.claimant), el("td", { class: "num" }, value(claim)),
    el("td", { class: "sentence" }, claim.sentence ? marked(claim.sentence, claim.figure_start,
      claim.figure_end, "figure") : ""),
    el("td", {}, article, el("br"), el("small", { class: "muted" }, claim.published || "")));
}

function group(app, g) {
  const title = el("h3", {}, el("a", { class: "link", "data-story": g.story, onclick: () => app.openStory(g.story) },
    `Story ${g.story}`), " ", typeChip(g.type), ` ${g.kind}: ${plural(g.claims.length, "claim")}`);
  const table = el("table", { class: "claims" }, el("tr", {}, ["claimant", "figure", "sentence", "article"].map(
    (h) => el("th", {}, h))), g.claims.map((c) => claimRow(app, c)));
  return el("div", { class: "dispute", "data-story": g.story }, title, table);
}

export async function draw(app, token) {
  const page = await api("disputes", { ...state.filters, limit: 500 });
  if (!app.isCurrent(token)) return;
  const box = clear($("#disputes"));
  if (!page.items.length) {
    box.append(el("p", { class: "nothing" }, "No disputed figure among the matching events."));
    return;
  }
  const stories = new Set(page.items.map((g) => g.story)).size;
  box.append(el("p", { class: "notice" }, `${plural(page.items.length, "disputed figure")} in ${plural(stories, "event")}:` +
    " claimants who give different values for the same event"));
  for (const g of page.items) box.append(group(app, g));
}
