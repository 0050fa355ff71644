// Find an actor: a combobox with a list of suggestions (WAI-ARIA combobox pattern); choosing one pins and centres it.

import { el } from './dom.js';

const MAX_SUGGESTIONS = 8;

/** Visible actors matching `query` by name or id: names starting with it first, then the rest. */
export function suggestions(frame, query) {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits = [];
  for (let i = 0; i < frame.actors.length; i++) {
    if (frame.degrees[i] === 0) continue;
    const a = frame.actors[i];
    const name = a.name.toLowerCase();
    const at = name.indexOf(q);
    const rank = name.startsWith(q) ? 0 : a.id.toLowerCase() === q ? 0
      : name.split(/[\s-]+/).some((w) => w.startsWith(q)) ? 1 : at >= 0 ? 2
      : a.id.toLowerCase().includes(q) ? 3 : -1;
    if (rank >= 0) hits.push({ i, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || frame.degrees[b.i] - frame.degrees[a.i] || a.i - b.i);
  return hits.slice(0, MAX_SUGGESTIONS).map((h) => h.i);
}

/** @returns {{input, isOpen, close, clear, focus}} the box, for the keys input.js reads */
export function installSearch(app) {
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-list');
  let items = [], active = -1;

  function render() {
    list.replaceChildren();
    items.forEach((i, n) => {
      const a = app.frame.actors[i];
      const li = el('li', { id: `search-option-${n}` }, a.name,
        el('span', 'option-type', ` ${a.type.replace('-', ' ')}, ${app.frame.degrees[i]} ties`));
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(n === active));
      li.dataset.index = String(i);
      li.addEventListener('pointerdown', (e) => e.preventDefault());
      li.addEventListener('click', () => choose(n));
      list.append(li);
    });
    const open = items.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
    document.getElementById('search-status').textContent = input.value.trim()
      ? `${items.length || 'No'} actor${items.length === 1 ? '' : 's'} found` : '';
  }
  function update() {
    items = suggestions(app.frame, input.value);
    active = -1;
    render();
  }
  function close() {
    items = [];
    active = -1;
    render();
  }
  function choose(n) {
    const i = items[n];
    if (i === undefined) return;
    input.value = app.frame.actors[i].name;
    close();
    app.actions.select({ actor: i }, { centre: true });
  }

  input.addEventListener('input', update);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!items.length) update();
      if (!items.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + items.length) % items.length;
      if (active < 0) active = items.length - 1;
      render();
    } else if (e.key === 'Enter') {
      if (items.length) choose(active >= 0 ? active : 0);
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  });
  input.addEventListener('blur', () => setTimeout(close, 0));
  app.on('load', () => { input.value = ''; close(); });
  // Escape and '/' are read by input.js.
  return {
    input,
    isOpen: () => items.length > 0,
    close,
    clear() { input.value = ''; close(); },
    focus: () => input.focus(),
  };
}
