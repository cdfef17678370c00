/* vigie dashboard: plain JavaScript and SVG, no framework, no network beyond this server. */
"use strict";

const KINDS = ["actor", "place", "time", "quote", "figure", "event"];
const SVGNS = "http://www.w3.org/2000/svg";
const EVENTS_PAGE = 500;
const state = { filters: {}, view: "articles", doc: null, events: null, world: null };

/* ---------- helpers ---------- */

function $(sel) { return document.querySelector(sel); }

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function svgEl(tag, attrs = {}, text = "") {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function status(message) { $("#status").textContent = message || ""; }

async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") query.set(k, v);
  const url = "/api/" + path + (query.toString() ? "?" + query : "");
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

/* A colour per event type that does not depend on which types a view happens to show. */
function typeColor(type) {
  let hash = 0;
  for (const c of type) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  // Golden-angle steps spread the hues of the ~20 PLOVER types around the wheel.
  return `hsl(${Math.round((hash % 97) * 137.508) % 360}, 65%, 45%)`;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

/* ---------- filters and views ---------- */

function readFilters() {
  const data = new FormData($("#filters"));
  state.filters = {};
  for (const [k, v] of data.entries()) if (v.trim()) state.filters[k] = v.trim();
}

async function loadEvents() {
  const page = await api("events", { ...state.filters, limit: EVENTS_PAGE });
  state.events = page.items;
  return state.events;
}

async function refresh() {
  status("");
  try {
    await loadEvents();
    await showView(state.view);
  } catch (err) { status(err.message); }
}

async function showView(view) {
  state.view = view;
  document.querySelectorAll("#tabs button").forEach(
    (b) => b.classList.toggle("active", b.dataset.view === view));
  document.querySelectorAll(".view").forEach(
    (s) => s.classList.toggle("active", s.id === "view-" + view));
  if (view === "articles") drawKindLegend();
  const draw = { articles: drawDocList, timeline: drawTimeline, map: drawMap,
    network: drawNetwork, disputes: drawDisputes }[view];
  try { await draw(); } catch (err) { status(err.message); }
}

/* ---------- article view ---------- */

async function drawDocList() {
  const f = state.filters;
  const page = await api("documents", { since: f.since, until: f.until, q: f.text, limit: 200 });
  const list = clear($("#doc-list"));
  for (const doc of page.items) {
    const link = el("a", { "data-id": doc.id }, doc.title || doc.doc_id);
    link.title = (doc.published || "") + " " + doc.doc_id;
    link.addEventListener("click", () => openDocument(doc.id));
    list.appendChild(link);
  }
  if (!state.doc && page.items.length) await openDocument(page.items[0].id);
}

function factsOf(record) {
  const facts = [];
  const label = (kind, item) => ({ actor: item.name, place: item.canonical || item.name,
    time: item.text + (item.value ? " = " + item.value : ""), quote: "« " + item.text + " »",
    figure: item.kind + " " + (item.value ?? "?") + (item.who ? " " + item.who : ""),
    event: item.type + (item.mode ? "/" + item.mode : "") + " « " + item.trigger + " »" })[kind];
  const spansOf = (kind, item) => {
    if (kind === "actor" || kind === "place") return item.mentions || [];
    if (kind === "event") {
      return item.trigger_start != null ? [[item.trigger_start, item.trigger_end]] : [];
    }
    return [[item.start, item.end]];
  };
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
      if (start >= 0 && end <= text.length && end > start) {
        cuts.add(start); cuts.add(end); spans.push({ start, end, fact });
      }
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
    if (!piece.covering.length) { article.appendChild(document.createTextNode(chunk)); continue; }
    const span = el("span", {}, chunk);
    // The innermost span gives the colour; event triggers add their outline on top.
    const inner = piece.covering.find((c) => c.fact.kind !== "event" && c.fact.kind !== "quote")
      || piece.covering[0];
    const kinds = new Set([inner.fact.kind, ...piece.covering.filter(
      (c) => c.fact.kind === "event").map((c) => "event")]);
    span.className = "hl " + [...kinds].map((k) => "k-" + k).join(" ");
    span.dataset.facts = piece.covering.map((c) => c.fact.id).join(" ");
    span.dataset.start = piece.start;
    span.title = piece.covering.map((c) => c.fact.id + " " + c.fact.label).join("\n");
    article.appendChild(span);
  }
}

function renderPanel(facts, stories) {
  const panel = clear($("#record-panel"));
  for (const kind of KINDS) {
    const ofKind = facts.filter((f) => f.kind === kind);
    if (!ofKind.length) continue;
    panel.appendChild(el("h3", {}, kind + "s (" + ofKind.length + ")"));
    for (const fact of ofKind) {
      const button = el("button", { class: "fact k-" + kind, "data-fact": fact.id });
      button.appendChild(el("b", {}, fact.id + " "));
      button.appendChild(document.createTextNode(fact.label + " "));
      if (kind === "event" && stories[fact.id]) {
        button.appendChild(el("small", {}, "story " + stories[fact.id]));
      }
      button.addEventListener("click", () => scrollToFact(fact));
      panel.appendChild(button);
    }
  }
}

/* Clicking a fact scrolls to its words; clicking again goes to its next mention. */
function scrollToFact(fact) {
  if (!fact.spans.length) { status(fact.id + ": no span in the text"); return; }
  fact.next = ((fact.next ?? -1) + 1) % fact.spans.length;
  const start = fact.spans[fact.next][0];
  const pieces = [...document.querySelectorAll("#doc-text .hl")].filter(
    (s) => s.dataset.facts.split(" ").includes(fact.id));
  const target = pieces.find((s) => Number(s.dataset.start) >= start) || pieces[0];
  if (!target) return;
  document.querySelectorAll(".hl.flash").forEach((s) => s.classList.remove("flash"));
  target.scrollIntoView({ block: "center" });
  target.classList.add("flash");
  $("#doc-text").dataset.focus = fact.id;
}

async function openDocument(id, offset) {
  const body = await api("documents/" + id);
  state.doc = body;
  document.querySelectorAll("#doc-list a").forEach(
    (a) => a.classList.toggle("active", Number(a.dataset.id) === id));
  const facts = factsOf(body.record);
  renderText(body.record.text, facts);
  renderPanel(facts, body.stories);
  if (offset !== undefined) {
    const hit = facts.find((f) => f.kind === "event" && f.item.start === offset);
    if (hit) scrollToFact(hit);
  }
}

/* ---------- story detail (shared by timeline, map, network) ---------- */

async function showStory(id) {
  const detail = await api("events/" + id);
  const box = clear($("#story"));
  const s = detail.story;
  box.appendChild(el("h3", {}, `Story ${s.id}: ${s.type} ${s.date || ""} ` +
    `${s.source || "?"} → ${s.target || "?"} @ ${s.place || "?"}`));
  for (const m of detail.mentions) {
    const line = el("p");
    const link = el("a", {}, (m.title || m.doc_id) + " (" + (m.published || "") + ")");
    link.addEventListener("click", async () => {
      await showView("articles");
      await openDocument(m.document, m.start);
    });
    line.appendChild(link);
    line.appendChild(document.createTextNode(` ${m.status} « ${m.trigger} » — ${m.sentence}`));
    box.appendChild(line);
  }
}

/* ---------- timeline ---------- */

function dayOf(date) { return Date.parse(date.length === 4 ? date + "-01-01" : date.length === 7 ? date + "-01" : date) / 864e5; }

function drawTimeline() {
  const svg = clear($("#timeline"));
  const dated = (state.events || []).filter((e) => e.date);
  const { width, height } = svg.getBoundingClientRect();
  if (!dated.length) { svg.appendChild(svgEl("text", { x: 20, y: 30 }, "No dated events.")); return; }
  const days = dated.map((e) => dayOf(e.date));
  const [lo, hi] = [Math.min(...days) - 1, Math.max(...days) + 1];
  const x = (d) => 40 + (width - 80) * (d - lo) / (hi - lo);
  const base = height - 40;
  const axis = svgEl("g", { class: "axis" });
  axis.appendChild(svgEl("line", { x1: 40, x2: width - 40, y1: base, y2: base }));
  for (let i = 0; i <= 6; i++) {
    const d = lo + (hi - lo) * i / 6;
    axis.appendChild(svgEl("text", { x: x(d) - 30, y: base + 18 },
      new Date(d * 864e5).toISOString().slice(0, 10)));
  }
  svg.appendChild(axis);
  const stack = {};
  dated.sort((a, b) => a.type.localeCompare(b.type));
  for (const e of dated) {
    const d = dayOf(e.date);
    stack[d] = (stack[d] || 0) + 1;
    const dot = svgEl("circle", { class: "tl-dot", cx: x(d), cy: base - 10 - 14 * (stack[d] - 1),
      r: 6, fill: typeColor(e.type), "data-story": e.id });
    dot.appendChild(svgEl("title", {}, `${e.date} ${e.type} ${e.source || ""} → ${e.target || ""} ${e.place || ""}`));
    dot.addEventListener("click", () => showStory(e.id));
    svg.appendChild(dot);
  }
  drawLegend(dated);
}

function drawLegend(events) {
  const legend = clear($("#legend"));
  for (const type of [...new Set(events.map((e) => e.type))].sort()) {
    const item = el("span", {}, type);
    item.style.borderLeft = "10px solid " + typeColor(type);
    legend.appendChild(item);
  }
}

function drawKindLegend() {
  const legend = clear($("#legend"));
  for (const kind of KINDS) legend.appendChild(el("span", { class: "hl k-" + kind }, kind));
}

/* ---------- map ---------- */

async function world() {
  if (!state.world) {
    const topo = await (await fetch("/static/vendor/world-atlas/countries-110m.json")).json();
    state.world = topojson.feature(topo, topo.objects.countries).features;
  }
  return state.world;
}

function ringsOf(geometry) {
  if (geometry.type === "Polygon") return geometry.coordinates;
  if (geometry.type === "MultiPolygon") return geometry.coordinates.flat();
  return [];
}

async function drawMap() {
  const svg = clear($("#map"));
  const { width, height } = svg.getBoundingClientRect();
  const located = (state.events || []).filter((e) => e.lat != null && e.lon != null);
  // Equirectangular view fitted to the markers (whole world when there are none).
  let [w, e, s, n] = [-180, 180, -60, 85];
  if (located.length) {
    const lons = located.map((p) => p.lon); const lats = located.map((p) => p.lat);
    const pad = 8;
    [w, e, s, n] = [Math.min(...lons) - pad, Math.max(...lons) + pad,
      Math.min(...lats) - pad, Math.max(...lats) + pad];
  }
  const k = Math.min(width / (e - w), height / (n - s));
  const project = ([lon, lat]) => [(lon - w) * k, (n - lat) * k];
  const countries = svgEl("g");
  for (const feature of await world()) {
    const d = ringsOf(feature.geometry).map((ring) => "M" + ring.map(
      (pt) => project(pt).map((v) => v.toFixed(1)).join(",")).join("L") + "Z").join("");
    const path = svgEl("path", { class: "country", d });
    path.appendChild(svgEl("title", {}, feature.properties.name));
    countries.appendChild(path);
  }
  svg.appendChild(countries);
  for (const ev of located) {
    const [cx, cy] = project([ev.lon, ev.lat]);
    const marker = svgEl("circle", { class: "marker", cx, cy, r: 5 + Math.min(ev.mentions, 5),
      fill: typeColor(ev.type), "data-story": ev.id });
    marker.appendChild(svgEl("title", {}, `${ev.place}: ${ev.type} ${ev.date || ""}`));
    marker.addEventListener("click", () => showStory(ev.id));
    svg.appendChild(marker);
  }
  drawLegend(located);
}

/* ---------- actor network ---------- */

async function drawNetwork() {
  const svg = clear($("#network"));
  const { width, height } = svg.getBoundingClientRect();
  const net = await api("events/network", state.filters);
  const [cx, cy, r] = [width / 2, height / 2, Math.min(width, height) / 2 - 60];
  const at = {};
  net.nodes.forEach((node, i) => {
    const a = 2 * Math.PI * i / net.nodes.length;
    at[node.id] = [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
  const defs = svg.appendChild(svgEl("defs"));
  const arrow = defs.appendChild(svgEl("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 14,
    refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" }));
  arrow.appendChild(svgEl("path", { d: "M0,0L10,5L0,10Z", fill: "#555" }));
  const seen = {};
  for (const edge of net.edges) {
    const [[x1, y1], [x2, y2]] = [at[edge.source], at[edge.target]];
    // Parallel edges (several types between two actors) bend by different amounts.
    const key = edge.source + "→" + edge.target;
    const bend = 30 + 25 * (seen[key] = (seen[key] || 0) + 1);
    const [mx, my] = [(x1 + x2) / 2 + bend * (y1 - y2) / (Math.hypot(x2 - x1, y2 - y1) || 1),
      (y1 + y2) / 2 + bend * (x2 - x1) / (Math.hypot(x2 - x1, y2 - y1) || 1)];
    const path = svgEl("path", { class: "edge", d: `M${x1},${y1}Q${mx},${my} ${x2},${y2}`,
      stroke: typeColor(edge.type), "stroke-width": 1 + Math.min(edge.count, 8),
      "marker-end": "url(#arrow)" });
    path.appendChild(svgEl("title", {}, `${edge.source} → ${edge.target}: ${edge.type} ×${edge.count}`));
    svg.appendChild(path);
  }
  for (const node of net.nodes) {
    const g = svgEl("g", { class: "node" });
    g.appendChild(svgEl("circle", { cx: at[node.id][0], cy: at[node.id][1], r: 4 + Math.min(node.events, 10) }));
    const left = at[node.id][0] < cx;  // labels point away from the circle's centre
    g.appendChild(svgEl("text", { x: at[node.id][0] + (left ? -8 : 8), y: at[node.id][1] - 8,
      "text-anchor": left ? "end" : "start" }, node.id));
    svg.appendChild(g);
  }
  if (!net.nodes.length) svg.appendChild(svgEl("text", { x: 20, y: 30 }, "No event with both a source and a target."));
  drawLegend(net.edges);
}

/* ---------- disputes ---------- */

async function drawDisputes() {
  const box = clear($("#disputes"));
  const page = await api("disputes", { limit: 200 });
  const shown = new Set((state.events || []).map((e) => e.id));
  const groups = page.items.filter((g) => !Object.keys(state.filters).length || shown.has(g.story));
  if (!groups.length) { box.appendChild(el("p", { class: "hint" }, "No disputed figure.")); return; }
  for (const group of groups) {
    const title = el("h3");
    const link = el("a", {}, `Story ${group.story} (${group.type}): ${group.kind}`);
    link.addEventListener("click", () => showStory(group.story));
    title.appendChild(link);
    box.appendChild(title);
    const table = el("table", { class: "dispute", "data-story": group.story });
    const head = el("tr");
    for (const c of ["claimant", "value", "range", "article", "published"]) head.appendChild(el("th", {}, c));
    table.appendChild(head);
    for (const claim of group.claims) {
      const row = el("tr");
      const range = claim.low != null ? `${claim.low}–${claim.high}` : "";
      for (const v of [claim.claimant, claim.value ?? "?", range, claim.doc_id, claim.published || ""]) {
        row.appendChild(el("td", {}, String(v)));
      }
      table.appendChild(row);
    }
    box.appendChild(table);
  }
}

/* ---------- start ---------- */

function start() {
  document.querySelectorAll("#tabs button").forEach(
    (b) => b.addEventListener("click", () => showView(b.dataset.view)));
  $("#filters").addEventListener("submit", (ev) => { ev.preventDefault(); readFilters(); refresh(); });
  $("#filters").addEventListener("reset", () => setTimeout(() => { readFilters(); refresh(); }));
  window.addEventListener("resize", () => { if (state.view !== "articles") showView(state.view); });
  refresh();
}

start();
