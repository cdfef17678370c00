/* Small DOM, fetch and formatting helpers shared by the views. */

export function $(sel) { return document.querySelector(sel); }

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function clear(node) { node.replaceChildren(); return node; }

/* GET /api/<path>?<params>; empty parameters are left out; errors carry the API's message. */
export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") query.set(k, v);
  }
  const url = "/api/" + path + (query.toString() ? "?" + query : "");
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) {
    const detail = (body.errors || []).map((e) => (e.loc || []).slice(-1)[0] + ": " + e.msg);
    throw new Error([body.error || response.statusText, ...detail].join("; "));
  }
  return body;
}

/* Vendored scripts load the first time a view needs them (they are large). */
const loading = {};
export function loadScript(src) {
  if (!loading[src]) {
    loading[src] = new Promise((resolve, reject) => {
      const tag = el("script", { src });
      tag.onload = resolve;
      tag.onerror = () => reject(new Error("could not load " + src));
      document.head.append(tag);
    });
  }
  return loading[src];
}

export const number = (n) => (n === null || n === undefined ? "" : Number(n).toLocaleString("en"));

export function plural(n, one, many) { return number(n) + " " + (n === 1 ? one : many || one + "s"); }

/* A sentence with [start, end) wrapped in <mark class=cls>. */
export function marked(text, start, end, cls) {
  if (start === null || start === undefined || start < 0 || end > text.length) {
    return el("span", {}, text);
  }
  return el("span", {}, text.slice(0, start), el("mark", { class: cls }, text.slice(start, end)),
    text.slice(end));
}

export const LEVELS = { city: "town", region: "region", country: "country", area: "area",
  border: "border", other: "place" };
