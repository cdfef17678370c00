/* What /api/meta tells once: type colours by PLOVER quad, countries, statuses. */
import { api, el } from "./util.js";

export const meta = { types: [], quads: [], other: "#8c8c8c", countries: [], numeric: {},
  statuses: [], byType: {}, byQuad: {}, countryName: {} };

export async function loadMeta() {
  Object.assign(meta, await api("meta"));
  for (const t of meta.types) meta.byType[t.type] = t;
  for (const q of meta.quads) meta.byQuad[q.quad] = q;
  for (const c of meta.countries) meta.countryName[c.code] = c.name;
  return meta;
}

export function colour(type) { return (meta.byType[type] || {}).colour || meta.other; }

export function quadOf(type) { return (meta.byType[type] || {}).quad || 0; }

export function quadName(type) { return (meta.byQuad[quadOf(type)] || {}).name || "other"; }

/* Types in legend order: by quad, then as the palette lists them. */
export function ordered(types) {
  const rank = Object.fromEntries(meta.types.map((t, i) => [t.type, i]));
  return [...types].sort((a, b) => (rank[a] ?? 99) - (rank[b] ?? 99) || a.localeCompare(b));
}

/* Dark text on light shades, white on dark ones. */
export function inkOn(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 ? "#1f2a30" : "#fff";
}

export function typeChip(type, mode) {
  const bg = colour(type);
  return el("span", { class: "chip", style: `background:${bg};color:${inkOn(bg)}`,
    title: quadName(type) }, type + (mode ? " · " + mode : ""));
}

export function countryLabel(code) { return code ? (meta.countryName[code] || code) : ""; }

/* A legend of the given types, grouped by quad. */
export function legend(types) {
  const box = el("div", { class: "legend" });
  for (const quad of meta.quads) {
    const mine = ordered(types).filter((t) => quadOf(t) === quad.quad);
    if (!mine.length) continue;
    box.append(el("h4", {}, quad.name));
    for (const t of mine) box.append(el("div", { class: "row" }, el("span", { class: "swatch",
      style: "background:" + colour(t) }), t));
  }
  const others = types.filter((t) => !quadOf(t));
  for (const t of others) box.append(el("div", { class: "row" }, el("span", { class: "swatch",
    style: "background:" + meta.other }), t));
  return box;
}
