// Story mode: the dataset's story as a card of steps, each moving the page to its saved view; embedding (?embed=1) and postMessage driving.

import { el, announce } from './dom.js';
import { FILTER_LISTS, allBits } from './kinds.js';
import { fitView } from './view.js';

/** The message shape a host page posts: `{entente: 1, type: 'goToStep', step: <id or index>}`;
 *  the page answers and announces each step with `{entente: 1, type: 'step', id, index, count}`. */
export const MESSAGE = 'goToStep';

/** The saved state (state.js `serialise` shape) a step's view stands for. */
export function savedOfView(view = {}) {
  const saved = {};
  for (const [field, list] of Object.entries(FILTER_LISTS)) {
    saved[field] = Array.isArray(view[field])
      ? list.filter((row) => view[field].includes(row.key)).reduce((bits, row) => bits | row.bit, 0)
      : allBits(list);
  }
  saved.until = view.until ?? null;
  saved.hiddenSources = []; // a step shows every source dataset
  saved.mode = view.mode ?? 'asof';
  saved.since = view.since ?? null;
  if (view.layout) saved.layout = view.layout;
  if (view.centre) saved.centre = view.centre;
  saved.focus = view.focus ?? null;
  saved.hops = view.hops ?? 1;
  saved.actor = view.actor ?? null;
  saved.tie = view.tie ?? null;
  return saved;
}

// The story crosses the wasm boundary once per dataset.
const stories = new WeakMap();
const storyOf = (app) => {
  if (!app.core) return null;
  if (!stories.has(app.core)) stories.set(app.core, app.core.story());
  return stories.get(app.core);
};
const steps = (app) => storyOf(app)?.steps ?? [];

/** The story on screen: `{title, steps: [{id, title}], step: id or null, index}`, or null without one. */
export function storyInfo(app) {
  const story = storyOf(app);
  if (!story) return null;
  const index = story.steps.findIndex((s) => s.id === app.ui.story);
  return { title: story.title, steps: story.steps.map(({ id, title }) => ({ id, title })), step: app.ui.story, index };
}

/** Shows step `which` (an id, or an index from 0); throws on one the story lacks. */
export function goToStep(app, which) {
  const list = steps(app);
  const step = typeof which === 'number' ? list[which] : list.find((s) => s.id === String(which));
  if (!step) throw new Error(`the story has no step ${JSON.stringify(which)} (${list.length} steps)`);
  app.actions.setStory(step.id);
  return storyInfo(app);
}

/** Where a host may post from: `?origins=` of the address, else the build's `<meta name="entente-origins">`. */
function allowedOrigins() {
  const listed = new URLSearchParams(location.search).get('origins')
    ?? document.querySelector('meta[name="entente-origins"]')?.content ?? '';
  return listed.split(/[\s,]+/).filter(Boolean).map((o) => { try { return new URL(o).origin; } catch { return null; } }).filter(Boolean);
}

function chipsOf(app) {
  const { ui, frame } = app;
  const out = [];
  for (const [field, list] of Object.entries(FILTER_LISTS)) {
    if (ui[field] !== allBits(list)) out.push(`${field}: ${list.filter((r) => ui[field] & r.bit).map((r) => r.label.toLowerCase()).join(', ') || 'none'}`);
  }
  if (ui.mode === 'compare' && ui.since && ui.until) out.push(`compare ${ui.since} → ${ui.until}: changes marked`);
  else if (ui.mode === 'between' && ui.since && ui.until) out.push(`only events from ${ui.since} to ${ui.until}`);
  else if (ui.until) out.push(`as of ${ui.until}`);
  if (ui.ego >= 0) out.push(`focus: ${frame.actors[ui.ego].name}, ${ui.hops} hop${ui.hops === 1 ? '' : 's'}`);
  if (ui.layout !== 'force') out.push(`layout: ${ui.layout === 'radial' ? 'ego rings' : ui.layout}`);
  return out;
}

export function installStory(app) {
  const embed = new URLSearchParams(location.search).get('embed') === '1';
  if (embed) document.documentElement.classList.add('embed');
  const toggle = el('button', { type: 'button', id: 'story-toggle', hidden: true }, 'Story');
  toggle.setAttribute('aria-pressed', 'false');
  document.getElementById('view-tools').prepend(toggle);

  const count = el('p', { className: 'story-count', id: 'story-count' });
  const title = el('h2', { id: 'story-title', tabIndex: -1 });
  const body = el('div', 'story-body');
  const chips = el('ul', 'story-chips');
  chips.setAttribute('aria-label', 'What the picture shows');
  const rests = el('ul', 'story-rests');
  const restsHead = el('summary', null, 'Rests on');
  const prev = el('button', { type: 'button', id: 'story-prev' }, 'Previous');
  const next = el('button', { type: 'button', id: 'story-next' }, 'Next');
  const dots = el('ol', 'story-dots');
  const explore = el('button', { type: 'button', id: 'story-explore' }, 'Explore from here');
  const card = el('section', { id: 'story-card', hidden: true },
    count, title, body, chips, el('details', 'story-rests-box', restsHead, rests),
    el('nav', { className: 'story-nav' }, prev, dots, next), explore);
  card.setAttribute('aria-labelledby', 'story-title');
  app.stage.append(card);

  const origins = allowedOrigins();
  const index = () => steps(app).findIndex((s) => s.id === app.ui.story);
  const go = (i) => { const list = steps(app); if (i >= 0 && i < list.length) app.actions.setStory(list[i].id); };

  toggle.addEventListener('click', () => {
    if (app.ui.story) app.actions.setStory(null);
    else go(0);
  });
  prev.addEventListener('click', () => go(index() - 1));
  next.addEventListener('click', () => go(index() + 1));
  explore.addEventListener('click', () => app.actions.setStory(null));
  card.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      go(index() + (e.key === 'ArrowRight' ? 1 : -1));
    }
  });

  function fillCard(step, i, list) {
    count.textContent = `Step ${i + 1} of ${list.length}`;
    title.textContent = step.title;
    body.replaceChildren(...step.body.split(/\n\s*\n/).map((p) => el('p', null, p.trim())));
    const n = (step.passages?.length ?? 0) + (step.sources?.length ?? 0);
    restsHead.textContent = `Rests on: ${step.passages?.length ? 'the article' : ''}${step.passages?.length && step.sources?.length ? ' and ' : ''}${step.sources?.length ? `${step.sources.length} report${step.sources.length === 1 ? '' : 's'}` : ''} (${n})`;
    rests.replaceChildren(
      ...(step.passages ?? []).map((p) => el('li', 'passage', `Article: ${p}`)),
      ...(step.sources ?? []).map((s) => el('li', 'source', `${s.outlet}, ${s.date}`)),
    );
    dots.replaceChildren(...list.map((s, k) => {
      const b = el('button', { type: 'button' }, String(k + 1));
      b.setAttribute('aria-label', `Step ${k + 1}: ${s.title}`);
      if (k === i) b.setAttribute('aria-current', 'step');
      b.addEventListener('click', () => go(k));
      return el('li', null, b);
    }));
    prev.disabled = i === 0;
    next.disabled = i === list.length - 1;
  }

  function showChips() {
    const list = chipsOf(app);
    chips.replaceChildren(...(list.length ? list : ['everything shown']).map((c) => el('li', 'story-chip', c)));
  }

  function tell(message) {
    if (window.parent === window) return;
    for (const origin of origins) window.parent.postMessage(message, origin);
  }

  app.on('story', () => {
    const list = steps(app), i = index();
    toggle.setAttribute('aria-pressed', String(i >= 0));
    card.hidden = i < 0;
    document.documentElement.classList.toggle('story-open', i >= 0);
    if (i < 0) return;
    const step = list[i];
    try {
      app.actions.restore(savedOfView(step.view ?? {}));
    } catch (err) {
      app.showError(`Step "${step.id}" could not be fully shown: ${err.message}`);
    }
    if (step.view?.fit !== false) fitView(app);
    fillCard(step, i, list);
    showChips();
    announce(`Step ${i + 1} of ${list.length}: ${step.title}`);
    if (!card.contains(document.activeElement)) title.focus({ preventScroll: true });
    const detail = { entente: 1, type: 'step', id: step.id, index: i, count: list.length };
    window.dispatchEvent(new CustomEvent('entente:step', { detail }));
    tell(detail);
  });
  app.on('filter', () => { if (!card.hidden) showChips(); });
  app.on('focus', () => { if (!card.hidden) showChips(); });
  app.on('layout', () => { if (!card.hidden) showChips(); });
  // Embedded, the story opens at its first step (or the linked one) once the address is applied.
  let started = !embed;
  app.on('frame', () => {
    if (started) return;
    started = true;
    if (!app.ui.story) go(0);
  });
  app.on('load', () => {
    toggle.hidden = steps(app).length === 0;
    toggle.setAttribute('aria-pressed', 'false');
    card.hidden = true;
    document.documentElement.classList.remove('story-open');
  });
  toggle.hidden = steps(app).length === 0;

  window.addEventListener('message', (e) => {
    if (!origins.includes(e.origin)) return; // not on the allow-list: ignored
    const m = e.data;
    if (!m || m.entente !== 1 || m.type !== MESSAGE) return;
    try {
      goToStep(app, m.step);
    } catch (err) {
      e.source?.postMessage({ entente: 1, type: 'error', message: err.message }, e.origin);
    }
  });
}
