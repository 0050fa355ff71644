// Time: the events-per-year chart (drawn with plotters by the chart module), the time modes (as of, between, compare) with their slider handles, and play.

import { KINDS } from './kinds.js';
import { chartModule } from './chart-module.js';

const DAY = 86400000;
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
const darkScheme = () => matchMedia('(prefers-color-scheme: dark)').matches;


/** Days since 1970-01-01 of the first day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date stands for. */
export function dayOf(text) {
  const [y, m = 1, d = 1] = String(text).split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY);
}

export function dateOf(day) {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The page's Trusted Types policy for the chart (the CSP names it; every other string handed to
 *  a markup sink is refused by the browser). It passes only an SVG document with no script, no
 *  event handler, no style and no link out: what the chart module writes. */
const chartPolicy = globalThis.trustedTypes?.createPolicy('entente-chart', {
  createHTML(text) {
    if (!/^<svg[\s>]/.test(text) || /<script|<foreignObject|\son[a-z]+\s*=|\sstyle\s*=|href\s*=|javascript:/i.test(text)) {
      throw new TypeError('the chart policy passes only the chart module\'s SVG');
    }
    return text;
  },
});

/** Replaces the children of `host` with the SVG document `text`, parsed as XML (no HTML parsing,
 *  no inline style: plotters writes presentation attributes only), through the chart policy. */
export function showSvg(host, text) {
  const markup = chartPolicy ? chartPolicy.createHTML(text) : text;
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg') throw new Error('the chart is not an SVG document');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  host.replaceChildren(document.importNode(svg, true));
}

export function installTimeline(app) {
  const chart = document.getElementById('chart');
  const slider = document.getElementById('time-slider');
  const sliderA = document.getElementById('time-slider-a');
  const track = slider.parentElement;
  const modes = document.getElementById('time-mode');
  const output = document.getElementById('time-date');
  const play = document.getElementById('play');
  let first = 0, last = 0, timer = 0;

  function range() {
    const meta = app.core.meta();
    first = meta.first ? dayOf(meta.first) : 0;
    last = meta.last ? dayOf(meta.last) : 0;
    slider.min = '0';
    slider.max = String(Math.max(0, last - first));
    sliderA.min = '0';
    sliderA.max = slider.max;
    slider.disabled = !meta.first;
    sliderA.disabled = !meta.first;
    play.disabled = !meta.first;
    document.getElementById('time-first').textContent = meta.first ?? '';
    document.getElementById('time-last').textContent = meta.last ?? '';
  }
  const clamp = (date) => Math.min(Math.max(dayOf(date) - first, 0), last - first);
  function sync() {
    const { until, mode, since } = app.ui;
    slider.value = String(until ? clamp(until) : last - first);
    sliderA.hidden = mode === 'asof';
    if (since) sliderA.value = String(clamp(since));
    // One track, two handles (explore.css `.pair`): the fill between them, and A over B once it is
    // past the middle, so that handles at the same end can still be pulled apart.
    const span = Math.max(1, last - first);
    track.classList.toggle('pair', mode !== 'asof');
    track.style.setProperty('--fa', String(Number(sliderA.value) / span));
    track.style.setProperty('--fb', String(Number(slider.value) / span));
    sliderA.classList.toggle('over', Number(sliderA.value) > span / 2);
    for (const radio of modes.querySelectorAll('input')) radio.checked = radio.value === mode;
    const text = mode === 'between' ? `${since} to ${until}` : mode === 'compare' ? `${since} → ${until}` : until ? `as of ${until}` : 'all dates';
    output.textContent = text;
    slider.setAttribute('aria-label', mode === 'asof' ? 'Show the network as of' : 'Second date (B)');
    slider.setAttribute('aria-valuetext', mode === 'asof' ? (until ? `Network as of ${until}` : 'All dates') : `B: ${until}`);
    sliderA.setAttribute('aria-valuetext', `A: ${since ?? ''}`);
  }
  /** Sets the two dates of the "between" or "compare" mode from the handles (days from the first event). */
  function setWindow(mode, dayA, dayB) {
    app.actions.setTime({ mode, a: dateOf(first + Math.min(dayA, dayB)), b: dateOf(first + Math.max(dayA, dayB)) });
  }
  modes.addEventListener('change', (e) => {
    const mode = e.target.value;
    stop();
    if (mode === 'asof') { app.actions.setTime(app.ui.until); return; }
    // A starts a quarter of the way in unless the handles already hold a window.
    const b = app.ui.until ? dayOf(app.ui.until) - first : last - first;
    const a = app.ui.since ? dayOf(app.ui.since) - first : Math.round(b / 4);
    setWindow(mode, Math.min(a, b), b);
  });
  sliderA.addEventListener('input', () => setWindow(app.ui.mode, Number(sliderA.value), Number(slider.value)));
  // The chart's size, from the ResizeObserver below only (null until its first entry): reading it
  // from the layout would force a layout of the page.
  let box = null;
  // The chart is drawn by its own wasm module, fetched after the first picture; a drawing asked
  // for while an earlier one waits for the module replaces it.
  let drawing = 0;
  async function drawChart() {
    if (!box) return;
    const ticket = ++drawing;
    const width = Math.max(120, box.width);
    const height = Math.max(60, box.height);
    try {
      const per = app.core.eventsPerYear();
      document.getElementById('chart-description').textContent = per.description;
      const module = await chartModule();
      if (ticket !== drawing) return;
      const svg = module.eventsChart(per.firstYear, Uint32Array.from(per.counts.flat()), KINDS.length,
        app.ui.until ?? '', width, height, darkScheme(), app.ui.mode === 'asof' ? '' : app.ui.since ?? '', app.ui.mode === 'between');
      showSvg(chart, svg);
      chart.dataset.drawn = String(ticket);
      performance.mark('entente:chart');
    } catch (err) {
      if (ticket === drawing) app.showError(`The events chart could not be drawn: ${err.message}`);
    }
  }
  function setDay(day) {
    if (app.ui.mode !== 'asof') { setWindow(app.ui.mode, Number(sliderA.value), day); return; }
    const until = day >= last - first ? null : dateOf(first + day);
    if (until !== app.ui.until) app.actions.setTime(until);
    if (reducedMotion()) app.actions.advanceLayout(300);
  }
  function stop() {
    clearInterval(timer);
    timer = 0;
    play.textContent = 'Play';
    play.setAttribute('aria-label', 'Play: step through time');
    play.setAttribute('aria-pressed', 'false');
  }
  function start() {
    const span = last - first;
    const step = Math.max(30, Math.ceil(span / 40));
    let day = app.ui.until ? dayOf(app.ui.until) - first : span;
    if (day >= span) day = 0;
    setDay(day);
    play.textContent = 'Pause';
    play.setAttribute('aria-label', 'Pause');
    play.setAttribute('aria-pressed', 'true');
    timer = setInterval(() => {
      day = Math.min(span, day + step);
      setDay(day);
      if (day >= span) stop();
    }, reducedMotion() ? 1000 : 700);
  }
  slider.addEventListener('input', () => { stop(); setDay(Number(slider.value)); });
  play.addEventListener('click', () => (timer ? stop() : start()));
  // After the first picture, in idle time (main.js `later`).
  const queueChart = () => app.later('chart', drawChart);
  app.on('filter', () => { sync(); queueChart(); });
  app.on('load', () => { stop(); range(); sync(); queueChart(); });
  new ResizeObserver(([entry]) => {
    const next = { width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) };
    if (next.width === box?.width && next.height === box?.height) return;
    box = next;
    queueChart();
  }).observe(chart);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', queueChart);
  range();
  sync();
  queueChart();
  stop();
}
