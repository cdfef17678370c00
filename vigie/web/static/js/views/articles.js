/* Articles: the ones that report a matching event; one article with every extracted span
   highlighted, its record beside it (click a fact to scroll to its words). */
import { countryLabel } from "../meta.js";
import { state } from "../state.js";
import { $, api, clear, el, plural } from "../util.js";

const KINDS = ["actor", "place", "time", "quote", "figure", "event"];
const LIST = 500;

function label(kind, item) {
  switch (kind) {
    case "actor": return item.name + (item.country ? " (" + item.country + ")" : "");
    case "place": return item.name;
    case "time": return item.text + (item.value ? " = " + item.value : "");
    case "quote": return "« " + item.text + " »";
    case "figure": return item.kind + " " + (item.value ?? "?") + (item.who ? " " + item.who : "");
    default: return item.type + (item.mode ? "/" + item.mode : "") + " « " + item.trigger + " »";
  }
}

function spansOf(kind, item) {
  if (kind === "actor" || kind === "place") return item.mentions || [];
  if (kind === "event") return item.trigger_start != null ? [[item.trigger_start, item.trigger_end]] : [];
  return [[item.start, item.end]];
}

function factsOf(record) {
  const facts = [];
  for (const kind of KINDS) {
    for (const item of record[kind + "s"] || []) {
      facts.push({ kind, id: item.id, label: label(kind, item), item, spans: spansOf(kind, item) });
    }
  }
  return facts;
}

/* Cut the text at every span boundary; each piece knows every fact that covers it. */
function segments(text, facts) {
  const cuts = new Set([0, text.length]);
  const spans = [];
  for (const fact of facts) {
    for (const [start, end] of fact.spans) {
      if (start >= 0 && end <= text.length && end > start) { cuts.add(start); cuts.add(end); spans.push({ start, end, fact }); }
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= start && s.end >= end)
      .sort((a, b) => (b.start - a.start) || (a.end - b.end));
    pieces.push({ start, end, covering });
  }
  return pieces;
}

function renderText(text, facts) {
  const article = clear($("#doc-text"));
  for (const piece of segments(text, facts)) {
    const chunk = text.slice(piece.start, piece.end);
    if (!piece.covering.length) { article.append(chunk); continue; }
    // The innermost span gives the colour; event triggers add their outline on top.
    const inner = piece.covering.find((c) => c.fact.kind !== "event" && c.fact.kind !== "quote") || piece.covering[0];
    const kinds = new Set([inner.fact.kind, ...piece.covering.filter((c) => c.fact.kind === "event").map(() => "event")]);
    article.append(el("span", { class: "hl " + [...kinds].map((k) => "k-" + k).join(" "),
      "data-facts": piece.covering.map((c) => c.fact.id).join(" "), "data-start": piece.start,
      title: piece.covering.map((c) => c.fact.id + " " + c.fact.label).join("\n") }, chunk));
  }
}

function renderPanel(app, facts, stories) {
  const panel = clear($("#record-panel"));
  for (const kind of KINDS) {
    const ofKind = facts.filter((f) => f.kind === kind);
    if (!ofKind.length) continue;
    panel.append(el("h3", {}, kind + "s (" + ofKind.length + ")"));
    for (const fact of ofKind) {
      const extra = kind === "place" && fact.item.canonical && fact.item.canonical !== fact.item.name
        ? el("small", {}, " " + [fact.item.canonical, countryLabel(fact.item.country)].filter(Boolean).join(", ")) : "";
      const story = kind === "event" && stories[fact.id] ? el("a", { class: "link", onclick: (ev) => {
        ev.stopPropagation(); app.openStory(stories[fact.id]); } }, " story " + stories[fact.id]) : "";
      panel.append(el("button", { class: "fact k-" + kind, "data-fact": fact.id, onclick: () => scrollToFact(fact) },
        el("b", {}, fact.id + " "), fact.label, extra, story));
    }
  }
}

/* Clicking a fact scrolls to its words; clicking again goes to its next mention. */
function scrollToFact(fact, from) {
  if (!fact.spans.length) return;
  fact.next = from !== undefined ? Math.max(0, fact.spans.findIndex((s) => s[0] >= from)) : ((fact.next ?? -1) + 1) % fact.spans.length;
  const start = fact.spans[fact.next][0];
  const pieces = [...document.querySelectorAll("#doc-text .hl")].filter((s) => s.dataset.facts.split(" ").includes(fact.id));
  const target = pieces.find((s) => Number(s.dataset.start) >= start) || pieces[0];
  if (!target) return;
  document.querySelectorAll(".hl.flash").forEach((s) => s.classList.remove("flash"));
  target.scrollIntoView({ block: "center" });
  target.classList.add("flash");
  $("#doc-text").dataset.focus = fact.id;
}

function renderHead(doc, record) {
  const source = doc?.source || (record.url ? new URL(record.url).host : null) || record.meta?.source;
  const head = clear($("#doc-head"));
  head.append(el("h2", {}, record.title || record.doc_id),
    el("div", { class: "meta" }, [record.published ? "published " + record.published + (record.published_inferred ? " (inferred from the text)" : "") : "no publication date",
      source ? "source: " + source : "source not given", "id " + record.doc_id].join(" · "),
    record.url ? el("span", {}, " · ", el("a", { href: record.url, rel: "noreferrer" }, "original")) : ""),
    el("div", { class: "kinds" }, KINDS.map((k) => el("span", { class: "hl k-" + k }, k))));
}

async function openDocument(app, id, at, listed) {
  const body = await api("documents/" + id);
  document.querySelectorAll("#doc-list a").forEach((a) => a.classList.toggle("active", Number(a.dataset.id) === id));
  const facts = factsOf(body.record);
  renderHead(listed.find((d) => d.id === id), body.record);
  renderText(body.record.text, facts);
  renderPanel(app, facts, body.stories);
  $("#doc-text").scrollTop = 0;
  $("#doc-text").dataset.doc = id;
  if (at !== null && at !== undefined) {
    const hit = facts.find((f) => f.kind === "event" && f.item.start === at) ||
      facts.find((f) => f.kind === "figure" && f.item.start === at);
    if (hit) scrollToFact(hit, hit.kind === "event" ? undefined : at);
  }
}

function renderList(app, page) {
  const list = clear($("#doc-list"));
  list.append(el("div", { class: "head" }, plural(page.total, "article") +
    (Object.keys(state.filters).length ? " report a matching event" : "")));
  for (const doc of page.items) {
    list.append(el("a", { "data-id": doc.id, onclick: () => app.openArticle(doc.id) }, doc.title || doc.doc_id,
      el("small", {}, [doc.published, doc.source, plural(doc.events, "event")].filter(Boolean).join(" · "))));
  }
}

export async function draw(app, token) {
  const page = await api("events/documents", { ...state.filters, limit: LIST });
  if (!app.isCurrent(token)) return;
  renderList(app, page);
  const listed = page.items;
  // The article shown is one of the list (a filter that drops it opens the first), unless it
  // was opened at a given place from a story or a dispute.
  const keep = state.doc && (state.at !== null || listed.some((d) => d.id === state.doc));
  if (!keep) app.note({ doc: listed.length ? listed[0].id : null, at: null });
  if (!state.doc) {
    clear($("#doc-head"));
    clear($("#record-panel"));
    clear($("#doc-text")).append(el("p", { class: "nothing" }, "No article matches these filters."));
    delete $("#doc-text").dataset.doc;
    return;
  }
  await openDocument(app, state.doc, state.at, listed);
}
