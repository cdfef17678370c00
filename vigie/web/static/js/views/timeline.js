/* The timeline: matching events per period, stacked by type (ECharts); dragging across it (the
   brush) or clicking a bar sets the date filter of every view. It shows every date the other
   filters allow, so that the brush can be moved; the chosen range stays highlighted. */
import { colour, ordered, quadName } from "../meta.js";
import { state, undated } from "../state.js";
import { $, api, loadScript, number, plural } from "../util.js";

const MAX_BINS = 120;
const DAY = 864e5;
let chart = null;
let bins = [];
let currentApp = null;

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/* The start of a date given to the day, month or year ("2015-07" is 1 July 2015). */
function startOf(date) { return Date.parse(date.length === 4 ? date + "-01-01" : date.length === 7 ? date + "-01" : date); }

const UNITS = {
  day: { floor: (t) => t, next: (t) => t + DAY, label: iso },
  week: { floor: (t) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY, next: (t) => t + 7 * DAY,
    label: (t) => "week of " + iso(t) },
  month: { floor: (t) => Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth(), 1),
    next: (t) => Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth() + 1, 1),
    label: (t) => iso(t).slice(0, 7) },
  quarter: { floor: (t) => Date.UTC(new Date(t).getUTCFullYear(), 3 * Math.floor(new Date(t).getUTCMonth() / 3), 1),
    next: (t) => Date.UTC(new Date(t).getUTCFullYear(), 3 * Math.floor(new Date(t).getUTCMonth() / 3) + 3, 1),
    label: (t) => iso(t).slice(0, 4) + " Q" + (1 + Math.floor(new Date(t).getUTCMonth() / 3)) },
  year: { floor: (t) => Date.UTC(new Date(t).getUTCFullYear(), 0, 1),
    next: (t) => Date.UTC(new Date(t).getUTCFullYear() + 1, 0, 1), label: (t) => iso(t).slice(0, 4) },
};

/* The finest unit that gives at most MAX_BINS periods between the first and last event. */
function binsFor(first, last) {
  for (const [name, unit] of Object.entries(UNITS)) {
    const out = [];
    for (let t = unit.floor(first); t <= last && out.length <= MAX_BINS; t = unit.next(t)) {
      out.push({ start: t, end: unit.next(t) - DAY, label: unit.label(t), unit: name });
    }
    if (out.length <= MAX_BINS) return out;
  }
  return [];
}

function binOf(t) {
  let lo = 0; let hi = bins.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (bins[mid].start <= t) lo = mid; else hi = mid - 1; }
  return lo;
}

function series(timeline) {
  const types = ordered([...new Set(timeline.map((r) => r.type))]);
  const data = Object.fromEntries(types.map((t) => [t, new Array(bins.length).fill(null)]));
  for (const row of timeline) {
    const i = binOf(startOf(row.date));
    data[row.type][i] = (data[row.type][i] || 0) + row.count;
  }
  return types.map((t) => ({ name: t, type: "bar", stack: "all", data: data[t], color: colour(t),
    barCategoryGap: "15%", emphasis: { focus: "series" },
    itemStyle: { borderColor: "rgba(0,0,0,.35)", borderWidth: 0.5 } }));
}

function selectedRange() {
  if (!state.filters.since && !state.filters.until) return null;
  const lo = state.filters.since ? binOf(Date.parse(state.filters.since)) : 0;
  const hi = state.filters.until ? binOf(Date.parse(state.filters.until)) : bins.length - 1;
  return [lo, hi];
}

function options(timeline) {
  return {
    animation: false,
    legend: { type: "scroll", top: 0, formatter: (t) => t, tooltip: { show: true,
      formatter: (p) => p.name + ": " + quadName(p.name) } },
    grid: { left: 50, right: 30, top: 40, bottom: 70 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, order: "valueDesc" },
    xAxis: { type: "category", data: bins.map((b) => b.label), axisTick: { alignWithLabel: true } },
    yAxis: { type: "value", name: "events", minInterval: 1 },
    toolbox: { right: 20, feature: { brush: { type: ["lineX", "clear"],
      title: { lineX: "select dates", clear: "clear the date filter" } } } },
    brush: { xAxisIndex: 0, brushType: "lineX", brushMode: "single", throttleType: "debounce",
      outOfBrush: { colorAlpha: 0.25 }, brushStyle: { color: "rgba(21,101,192,.12)", borderColor: "#1565c0", borderWidth: 1 } },
    dataZoom: [{ type: "slider", bottom: 12, height: 22 }, { type: "inside" }],
    series: series(timeline),
  };
}

function setDates(lo, hi) {
  const [a, b] = [Math.min(lo, hi), Math.max(lo, hi)];
  currentApp.setFilters({ since: iso(bins[a].start), until: iso(bins[b].end) });
}

function wire() {
  chart.on("brushEnd", (ev) => {
    const area = (ev.areas || [])[0];
    if (!area) { currentApp.setFilters({ since: null, until: null }); return; }
    const [lo, hi] = area.coordRange;
    setDates(Math.max(0, lo), Math.min(bins.length - 1, hi));
  });
  chart.on("click", (p) => setDates(p.dataIndex, p.dataIndex));
}

function showBrush() {
  const range = selectedRange();
  chart.dispatchAction({ type: "takeGlobalCursor", key: "brush", brushOption: { brushType: "lineX", brushMode: "single" } });
  chart.dispatchAction({ type: "brush", areas: range ? [{ brushType: "lineX", xAxisIndex: 0, coordRange: range }] : [] });
}

export async function draw(app, token) {
  currentApp = app;
  await loadScript("/static/vendor/echarts/echarts.min.js");
  const summary = await api("events/summary", undated(state.filters));
  if (!app.isCurrent(token)) return;
  const timeline = summary.timeline;
  const note = $("#timeline-notice");
  const host = $("#timeline");
  if (!chart) { chart = window.echarts.init(host, null, { renderer: "canvas" }); wire(); }
  if (!timeline.length) {
    chart.clear();
    note.textContent = summary.stories ? `None of the ${plural(summary.stories, "matching event")} has a date.`
      : "Nothing matches these filters.";
    host.dataset.bars = 0;
    return;
  }
  const times = timeline.map((r) => startOf(r.date));
  bins = binsFor(Math.min(...times), Math.max(...times));
  chart.setOption(options(timeline), { notMerge: true });
  chart.resize();
  showBrush();
  const vague = timeline.filter((r) => r.date.length < 10).reduce((n, r) => n + r.count, 0);
  note.textContent = [`${plural(summary.stories - summary.undated, "dated event")} by ${bins[0].unit}` +
    (state.filters.since || state.filters.until ? "; drag across the chart to change the dates" :
      "; drag across the chart to choose dates, or click a bar"),
  summary.undated ? `${number(summary.undated)} without a date are not shown` : "",
  vague ? `${number(vague)} known only to the month or year are drawn at its start` : ""].filter(Boolean).join(" · ");
  host.dataset.bars = timeline.reduce((n, r) => n + r.count, 0);
}

export function resize() { chart?.resize(); }
