/* One story event: who, whom, where, when, the figures with their claimants, and every report
   with its sentence (trigger marked). */
import { countryLabel, quadName, typeChip } from "../meta.js";
import { state } from "../state.js";
import { $, api, clear, el, LEVELS, marked, number, plural } from "../util.js";

function actor(name, code) {
  return name ? [name, code ? el("small", { class: "muted" }, " " + countryLabel(code)) : ""] : el("span", { class: "muted" }, "not named");
}

function facts(s, detail) {
  const killed = detail.figures.filter((f) => f.kind === "killed" && f.value !== null).map((f) => f.value);
  const place = s.place_name ? [s.place_name, el("small", { class: "muted" }, " " + [
    s.place && s.place !== s.place_name ? s.place : null, countryLabel(s.country),
    LEVELS[s.level] ? LEVELS[s.level] + " level" : null].filter(Boolean).join(", "))] : el("span", { class: "muted" }, "no place");
  return el("dl", {},
    el("dt", {}, "what"), el("dd", {}, typeChip(s.type, s.mode), " ", quadName(s.type)),
    el("dt", {}, "who"), el("dd", {}, actor(s.source, s.source_country)),
    el("dt", {}, "whom"), el("dd", {}, actor(s.target, s.target_country)),
    el("dt", {}, "where"), el("dd", {}, place),
    el("dt", {}, "when"), el("dd", {}, s.date || "no date", s.precision ? el("small", { class: "muted" }, " (" + s.precision + ")") : ""),
    el("dt", {}, "killed"), el("dd", {}, killed.length ? number(Math.min(...killed)) + (killed.length > 1 ? ` (lowest of ${killed.length} claims)` : "") : "no figure"),
    el("dt", {}, "reports"), el("dd", {}, plural(detail.mentions.length, "report")));
}

function figures(app, detail) {
  if (!detail.figures.length) return el("p", { class: "muted" }, "No figure given for this event.");
  return el("table", { class: "claims" }, el("tr", {}, ["kind", "figure", "claimant", "article"].map((h) => el("th", {}, h))),
    detail.figures.map((f) => el("tr", {}, el("td", {}, f.kind),
      el("td", { class: "num" }, f.low !== null && f.high !== null && f.low !== f.high ? `${number(f.low)}–${number(f.high)}` : number(f.value)),
      el("td", {}, f.claimant), el("td", {}, el("a", { class: "link", onclick: () => app.openArticle(documentOf(detail, f.doc_id), f.start) }, f.doc_id),
        " ", el("small", { class: "muted" }, f.published || "")))));
}

function documentOf(detail, docId) { return (detail.mentions.find((m) => m.doc_id === docId) || {}).document; }

function report(app, m) {
  return el("div", { class: "report", "data-event": m.event },
    el("div", {}, el("a", { class: "link", onclick: () => app.openArticle(m.document, m.start) }, m.title || m.doc_id),
      el("small", { class: "muted" }, ` ${m.published || ""} · ${m.status}` + (m.confidence !== null ? ` · confidence ${m.confidence.toFixed(2)}` : ""))),
    el("div", { class: "sentence", lang: "fr" }, marked(m.text, m.trigger_start, m.trigger_end, "trigger")),
    el("div", { class: "why" }, [m.source && "who: " + m.source, m.target && "whom: " + m.target, m.place && "where: " + m.place,
      m.date && "when: " + m.date, m.merge?.why].filter(Boolean).join(" · ")));
}

export async function draw(app, token) {
  const box = $("#story");
  let detail;
  try {
    detail = await api("events/" + state.story);
  } catch (err) {
    if (app.isCurrent(token)) clear(box).append(el("p", { class: "nothing" }, "No such event: " + err.message));
    return;
  }
  if (!app.isCurrent(token)) return;
  const s = detail.story;
  clear(box).append(el("p", {}, el("a", { class: "link", onclick: () => history.back() }, "← back")),
    el("h2", { "data-story": s.id }, `Story ${s.id}: ${s.type} `, s.source || s.target ? `${s.source || "?"} → ${s.target || "?"}` : "",
      s.place_name ? ` · ${s.place_name}` : "", s.date ? ` · ${s.date}` : ""),
    facts(s, detail), el("h3", {}, "Figures and who gives them"), figures(app, detail),
    el("h3", {}, plural(detail.mentions.length, "report")), ...detail.mentions.map((m) => report(app, m)));
}
