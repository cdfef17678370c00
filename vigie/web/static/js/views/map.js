/* The map: Leaflet over the vendored Natural Earth countries, markers clustered, sized by
   fatalities, drawn by place precision (town, region, country). */
import { colour, countryLabel, legend, meta, ordered, quadOf, typeChip } from "../meta.js";
import { state } from "../state.js";
import { $, api, el, LEVELS, loadScript, number, plural } from "../util.js";

const VENDOR = "/static/vendor/";
let map = null;
let markers = null;
let boxes = {};
let basemap = null;

async function libraries() {
  await loadScript(VENDOR + "leaflet/leaflet.js");
  await Promise.all([loadScript(VENDOR + "leaflet.markercluster/leaflet.markercluster.js"),
    loadScript(VENDOR + "topojson-client/topojson-client.min.js")]);
}

/* Rings that cross the ±180° meridian jump by ~360° between two points; unwrapping them keeps
   each ring continuous (drawn past 180° instead of across the whole map). */
function unwrap(ring) {
  const out = [ring[0].slice()];
  for (let i = 1; i < ring.length; i++) {
    let lon = ring[i][0];
    const prev = out[i - 1][0];
    while (lon - prev > 180) lon -= 360;
    while (prev - lon > 180) lon += 360;
    out.push([lon, ring[i][1]]);
  }
  return out;
}

function polygons(geometry) {
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  return [];
}

function ringArea(ring) {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(a / 2);
}

/* Antarctica (010) is left out: its ring runs along the meridian and the pole. */
async function countries() {
  const topo = await (await fetch(VENDOR + "world-atlas/countries-110m.json")).json();
  const features = window.topojson.feature(topo, topo.objects.countries).features;
  return features.filter((f) => f.id !== "010").map((f) => {
    const polys = polygons(f.geometry).map((p) => p.map(unwrap));
    const largest = polys.reduce((a, b) => (ringArea(b[0]) > ringArea(a[0]) ? b : a));
    return { id: f.id, name: meta.numeric[f.id] || f.properties.name, polys, largest,
      area: ringArea(largest[0]) };
  });
}

function labelPoint(ring) {
  const lons = ring.map((p) => p[0]); const lats = ring.map((p) => p[1]);
  return [(Math.min(...lats) + Math.max(...lats)) / 2, (Math.min(...lons) + Math.max(...lons)) / 2];
}

async function build() {
  await libraries();
  const L = window.L;
  map = L.map("map", { worldCopyJump: false, minZoom: 1, maxZoom: 13, zoomSnap: 0.5,
    attributionControl: true, preferCanvas: false });
  map.attributionControl.setPrefix(false).addAttribution("Natural Earth (public domain) · Leaflet");
  basemap = await countries();
  const layer = L.featureGroup();
  for (const c of basemap) {
    const latlngs = c.polys.map((p) => p.map((ring) => ring.map(([lon, lat]) => [lat, lon])));
    L.polygon(latlngs, { color: "#90a4ae", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1,
      interactive: false }).addTo(layer);
    L.marker(labelPoint(c.largest[0]), { interactive: false, keyboard: false,
      icon: L.divIcon({ className: "country-label" + (c.area < 60 ? " small" : ""),
        html: c.name, iconSize: null }) }).addTo(layer);
  }
  layer.addTo(map);
  markers = L.markerClusterGroup({ maxClusterRadius: 36, showCoverageOnHover: false,
    spiderfyOnMaxZoom: true, chunkedLoading: true, iconCreateFunction: clusterIcon });
  markers.addTo(map);
  boxes = { notice: box("topleft"), legend: box("bottomright") };
  map.on("zoomend", zoomClass);
  map.setView([20, 10], 2);
  zoomClass();
}

function box(position) {
  const Box = window.L.Control.extend({ onAdd: () => el("div", { class: "map-box" }) });
  const control = new Box({ position });
  control.addTo(map);
  return control.getContainer();
}

function zoomClass() {
  const node = $("#map");
  node.className = node.className.replace(/\bzoom-\d+\b/g, "").trim();
  node.classList.add("zoom-" + Math.floor(map.getZoom()));
}

/* A cluster: a pie of its events by PLOVER quad, the count in the middle. */
function clusterIcon(cluster) {
  const children = cluster.getAllChildMarkers();
  const byQuad = [0, 0, 0, 0, 0];
  for (const m of children) byQuad[quadOf(m.options.story.type)]++;
  let at = 0;
  const stops = [];
  for (const q of [1, 2, 3, 4, 0]) {
    if (!byQuad[q]) continue;
    const c = q ? meta.byQuad[q].colour : meta.other;
    const next = at + (100 * byQuad[q]) / children.length;
    stops.push(`${c} ${at}% ${next}%`);
    at = next;
  }
  const size = 26 + Math.min(24, 5 * Math.log2(children.length));
  const killed = children.reduce((n, m) => n + (m.options.story.fatalities || 0), 0);
  return window.L.divIcon({ iconSize: [size, size], className: "",
    html: `<div class="cluster" style="width:${size}px;height:${size}px;background:conic-gradient(${stops.join(",")})"` +
      ` title="${children.length} events, ${killed} killed"><span>${children.length}</span></div>` });
}

function radius(story) {
  // Area grows with the number killed (lowest claim); events with no toll keep a small dot.
  return Math.min(30, 5 + 2.2 * Math.sqrt(story.fatalities || 0));
}

const STYLE = {
  city: { weight: 1, color: "#fff", fillOpacity: 0.9 },
  region: { weight: 2.5, fillOpacity: 0.3 },
  country: { weight: 2, fillOpacity: 0.06, dashArray: "4 3" },
};

function marker(story) {
  const c = colour(story.type);
  const style = STYLE[story.level] || STYLE.region;
  const m = window.L.circleMarker([story.lat, story.lon], { radius: radius(story), fillColor: c,
    color: c, ...style, story });
  const where = [story.place, countryLabel(story.country)].filter(Boolean).join(", ");
  m.bindTooltip(`${story.type}${story.mode ? " · " + story.mode : ""} — ${where} (${LEVELS[story.level] || "place"}` +
    ` level)<br>${story.date || "undated"}${story.fatalities ? " · " + story.fatalities + " killed" : ""}`);
  m.bindPopup(() => popup(story));
  return m;
}

function popup(story) {
  return el("div", {}, typeChip(story.type, story.mode), " ", story.date || "undated",
    el("div", {}, [story.source, story.target].some(Boolean) ?
      `${story.source || "?"} → ${story.target || "?"}` : ""),
    el("div", {}, `${story.place} (${LEVELS[story.level] || "place"} level)`,
      story.fatalities ? ` · ${story.fatalities} killed` : ""),
    el("div", {}, plural(story.mentions, "report"), " · ",
      el("a", { class: "link", "data-story": story.id, onclick: () => currentApp.openStory(story.id) }, "open story")));
}

let currentApp = null;

function drawLegend(stories) {
  const box = boxes.legend;
  box.replaceChildren(legend(ordered([...new Set(stories.map((s) => s.type))])));
  box.append(el("h4", {}, "place precision"),
    el("div", { class: "row" }, svgDot("city"), "town"), el("div", { class: "row" }, svgDot("region"), "region, area"),
    el("div", { class: "row" }, svgDot("country"), "country (at its centre)"),
    el("div", {}, "size: number killed; numbers: clusters"));
}

function svgDot(level) {
  const s = STYLE[level];
  return el("span", { class: "swatch", style: `border-radius:50%;border:${s.weight}px ${s.dashArray ? "dashed" : "solid"} #555;` +
    `background:rgba(85,85,85,${s.fillOpacity})` });
}

export async function draw(app, token) {
  currentApp = app;
  if (!map) await build();
  const [points, summary] = await Promise.all([api("events/points", state.filters),
    api("events/summary", state.filters)]);
  if (!app.isCurrent(token)) return;
  map.invalidateSize();
  markers.clearLayers();
  const stories = points.items;
  markers.addLayers(stories.map(marker));
  drawLegend(stories);
  boxes.notice.replaceChildren(notice(stories.length, summary));
  $("#map").dataset.markers = stories.length;
  if (stories.length) {
    map.fitBounds(window.L.latLngBounds(stories.map((s) => [s.lat, s.lon])), { padding: [40, 40], maxZoom: 7 });
  }
}

function notice(shown, summary) {
  if (!summary.stories) return el("div", { class: "map-empty" }, "Nothing matches these filters.");
  if (!shown) return el("div", { class: "map-empty" }, `None of the ${plural(summary.stories, "matching event")} has a place.`);
  return el("div", {}, `${plural(shown, "event")} on the map`, summary.unlocated ?
    `; ${number(summary.unlocated)} without a place are not shown` : "");
}

export function resize() { map?.invalidateSize(); }
