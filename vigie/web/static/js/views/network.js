/* The actor network (Cytoscape.js): who acts on whom; edges coloured by type, as wide as their
   number of events, arrowed from source to target. */
import { colour, legend, ordered, typeChip } from "../meta.js";
import { state } from "../state.js";
import { $, api, clear, el, loadScript, plural } from "../util.js";

let cy = null;
let currentApp = null;

const STYLE = [
  { selector: "node", style: { "background-color": "#546e7a", label: "data(id)", "font-size": 11,
    "text-valign": "top", "text-margin-y": -3, width: "data(size)", height: "data(size)",
    "text-outline-color": "#fff", "text-outline-width": 2, color: "#1f2a30", "text-wrap": "wrap",
    "text-max-width": 130 } },
  { selector: "edge", style: { "line-color": "data(colour)", "target-arrow-color": "data(colour)",
    "target-arrow-shape": "triangle", "curve-style": "bezier", width: "data(width)",
    "arrow-scale": 0.9, label: "data(label)", "font-size": 10, "text-background-color": "#fff",
    "text-background-opacity": 0.8, "text-background-padding": 1, opacity: 0.9 } },
  { selector: ":selected", style: { "overlay-color": "#1565c0", "overlay-opacity": 0.2 } },
];

/* Sizes relative to the busiest actor and edge, so that a big store draws like a small one. */
function elements(net) {
  const most = Math.max(1, ...net.nodes.map((n) => n.events));
  const heaviest = Math.max(2, ...net.edges.map((e) => e.count));
  const nodes = net.nodes.map((n) => ({ data: { id: n.id, country: n.country, events: n.events,
    size: 12 + 30 * Math.sqrt(n.events / most) } }));
  const edges = net.edges.map((e, i) => ({ data: { id: "e" + i, source: e.source, target: e.target,
    type: e.type, count: e.count, stories: e.stories, colour: colour(e.type),
    width: 1.5 + 7 * Math.log(e.count) / Math.log(heaviest), label: e.count > 1 ? String(e.count) : "" } }));
  return [...nodes, ...edges];
}

function info(net) {
  const box = clear($("#network-info"));
  box.append(el("p", { class: "muted" }, "Click an actor to filter on it, an edge for its events."),
    el("h4", {}, "event types"), legend(ordered([...new Set(net.edges.map((e) => e.type))])),
    el("p", { class: "muted" }, "width and number: events between the two actors"));
}

function showEdge(data) {
  const box = clear($("#network-info"));
  box.append(el("h4", {}, `${data.source} → ${data.target}`), typeChip(data.type), " ",
    plural(data.count, "event"),
    el("ul", {}, data.stories.map((id) => el("li", {}, el("a", { class: "link", "data-story": id,
      onclick: () => currentApp.openStory(id) }, "story " + id)))));
  if (data.count > data.stories.length) box.append(el("p", { class: "muted" }, `and ${data.count - data.stories.length} more`));
}

function showNode(data) {
  const box = clear($("#network-info"));
  box.append(el("h4", {}, data.id), el("p", {}, plural(data.events, "event") + " with a source and a target",
    data.country ? " · " + data.country : ""),
  el("button", { onclick: () => currentApp.setFilters({ actor: data.id }) }, "Filter on this actor"));
}

export async function draw(app, token) {
  currentApp = app;
  await loadScript("/static/vendor/cytoscape/cytoscape.min.js");
  const net = await api("events/network", state.filters);
  if (!app.isCurrent(token)) return;
  const notice = $("#network-notice");
  notice.textContent = net.edges.length ? `${plural(net.nodes.length, "actor")}, ${plural(net.stories, "event")} with both a source and a target` +
    (net.hidden_actors ? `; ${net.hidden_actors} less active actors are not drawn` : "")
    : "No matching event has both a source and a target.";
  cy?.destroy();
  cy = window.cytoscape({ container: $("#network"), elements: elements(net), style: STYLE,
    wheelSensitivity: 0.3, layout: { name: net.nodes.length ? "cose" : "null", animate: false,
      randomize: true, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, padding: 30 } });
  cy.on("tap", "edge", (ev) => showEdge(ev.target.data()));
  cy.on("tap", "node", (ev) => showNode(ev.target.data()));
  info(net);
  $("#network").dataset.nodes = net.nodes.length;
  $("#network").dataset.edges = net.edges.length;
}

export function resize() { cy?.resize(); cy?.fit(undefined, 30); }
