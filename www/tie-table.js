// The table of the ties shown, for screen readers and keyboards: one page of rows in the document, the whole count announced, paging, "go to tie" and a search that bring any tie into it.

import { KINDS, TONES } from './kinds.js';
import { el, thousands } from './dom.js';

/** Rows in the document at a time. */
export const PAGE_ROWS = 50;

const count = thousands;
const kindLabel = (key) => KINDS.find((k) => k.key === key)?.label ?? key;

/** The controls above the table: paging, the position, go to tie, find a tie. */
function buildControls() {
  const button = (label, name) => {
    const b = el('button', { type: 'button', className: 'small' }, label);
    if (name) b.setAttribute('aria-label', name);
    return b;
  };
  const first = button('First', 'First page of ties');
  const previous = button('Previous', 'Previous page of ties');
  const next = button('Next', 'Next page of ties');
  const last = button('Last', 'Last page of ties');
  const position = el('p', { className: 'table-position', id: 'table-position' });
  const goInput = el('input', { type: 'number', id: 'table-go', min: 1, step: 1, inputMode: 'numeric' });
  const go = button('Go', 'Go to this tie');
  const findInput = el('input', { type: 'search', id: 'table-find', autocomplete: 'off', spellcheck: false });
  const find = button('Find next', 'Find next tie of this actor');
  const nav = el('div', { className: 'table-nav' },
    el('div', { className: 'table-pages', role: 'group' }, first, previous, position, next, last),
    el('div', { className: 'table-jump' }, el('label', { htmlFor: 'table-go' }, 'Go to tie'), goInput, go),
    el('div', { className: 'table-jump' }, el('label', { htmlFor: 'table-find' }, 'Find a tie of'), findInput, find));
  nav.firstChild.setAttribute('aria-label', 'Pages of ties');
  return { nav, first, previous, next, last, position, goInput, go, findInput, find };
}

/** The table over the frame's visible ties and the core's columns: `length`, `at(k)` the record
 *  of row k (`{tie, source, sourceName, target, targetName, kinds, tone, events, first, last,
 *  citations}`), `names(k)` its two actors' names. */
function tableOf(frame, columns) {
  const { ties, edges, kinds, tones, actors } = frame;
  // Where each tie's line of `dates` starts (one string for the whole table, not one per tie).
  const lines = new Int32Array(ties.length + 1);
  for (let k = 0, at = 0; k < ties.length; k++) {
    lines[k] = at;
    at = columns.dates.indexOf('\n', at) + 1;
    lines[k + 1] = at;
  }
  const actor = (k, end) => actors[edges[2 * k + end]];
  return {
    length: ties.length,
    names: (k) => [actor(k, 0).name, actor(k, 1).name],
    at(k) {
      const [first = '', last = ''] = columns.dates.slice(lines[k], lines[k + 1] - 1).split(' ');
      return {
        tie: ties[k], source: actor(k, 0).id, sourceName: actor(k, 0).name, target: actor(k, 1).id, targetName: actor(k, 1).name,
        kinds: KINDS.filter((kd) => kinds[k] & kd.bit).map((kd) => kd.key), tone: TONES[tones[k]]?.key ?? '',
        events: columns.events[k], first, last, citations: columns.citations[k],
      };
    },
  };
}

/** One row of the table: the tie's two actors as row headers, its figures, its evidence button. */
function rowElement(app, d, index) {
  const n = d.events;
  const cells = [
    d.sourceName, d.targetName, d.kinds.map(kindLabel).join(', '),
    d.tone, String(n), n ? `${d.first} – ${d.last}` : '',
    d.citations === 1 ? '1 (single source)' : String(d.citations),
  ];
  const tr = el('tr', null, ...cells.map((text, c) => {
    const cell = el(c < 2 ? 'th' : 'td', null, text);
    if (c < 2) cell.scope = 'row';
    return cell;
  }));
  tr.firstChild.tabIndex = -1; // where "go to tie" and "find" put the focus
  tr.setAttribute('aria-rowindex', String(index + 2)); // the header row is 1
  tr.dataset.tie = String(d.tie);
  const b = el('button', { type: 'button', className: 'small' }, 'Evidence');
  b.setAttribute('aria-label', `Evidence for ${d.sourceName} — ${d.targetName}`);
  b.addEventListener('click', () => app.actions.select({ tie: d.tie }));
  tr.append(el('td', null, b));
  return tr;
}

/**
 * The table of ties in `#table-view`: built once per load or filter change from one `tieColumns()`
 * call, in idle time after the picture (main.js `later`); only one page of rows is in the document.
 * @param {object} app the application context from main.js
 * @param {{announce: (text: string) => void}} a11y the live region (a11y.js)
 */
export function installTieTable(app, { announce }) {
  const section = document.getElementById('table-view');
  const table = section.querySelector('table');
  const body = table.tBodies[0];
  table.tHead.rows[0].setAttribute('aria-rowindex', '1');
  const ui = buildControls();
  section.insertBefore(ui.nav, table);
  // The table: the frame's visible ties (their actors, kinds and tones) and the core's columns
  // (`tieColumns`: events, reports, first and last dates); a row's record is made when shown.
  let rows = { length: 0 };
  // The row of a dataset tie, or -1 (a search of the ties' typed array: no map of every tie kept).
  let tableTies = [];
  const rowOfTie = (tie) => Array.prototype.indexOf.call(tableTies, tie);
  let start = 0; // the first row shown

  const lastStart = () => Math.max(0, Math.floor((rows.length - 1) / PAGE_ROWS) * PAGE_ROWS);
  const positionText = () => (rows.length
    ? `Ties ${count(start + 1)} to ${count(Math.min(rows.length, start + PAGE_ROWS))} of ${count(rows.length)}`
    : 'No ties shown');

  /** Puts the page starting at `from` (clamped) in the document. */
  function show(from) {
    start = Math.min(Math.max(0, from), lastStart());
    const end = Math.min(rows.length, start + PAGE_ROWS);
    const shown = [];
    for (let k = start; k < end; k++) shown.push(rowElement(app, rows.at(k), k));
    body.replaceChildren(...shown);
    ui.position.textContent = positionText();
    ui.first.disabled = ui.previous.disabled = start === 0;
    ui.next.disabled = ui.last.disabled = start >= lastStart();
  }

  /** Brings row `index` into the table; with `focus`, moves the focus to it and says where it is. */
  function bring(index, focus) {
    if (index < start || index >= start + PAGE_ROWS) show(Math.floor(index / PAGE_ROWS) * PAGE_ROWS);
    if (!focus) return;
    const d = rows.at(index);
    body.rows[index - start]?.cells[0].focus();
    announce(`Tie ${count(index + 1)} of ${count(rows.length)}: ${d.sourceName} — ${d.targetName}`);
  }

  function page(from) {
    show(from);
    announce(positionText());
  }

  function build() {
    rows = tableOf(app.frame, app.core.tieColumns());
    tableTies = app.frame.ties;
    const n = rows.length;
    table.setAttribute('aria-rowcount', String(n + 1));
    table.caption.textContent = `${count(n)} ties shown, with their evidence`;
    ui.goInput.max = String(Math.max(1, n));
    const pinned = app.ui.tie >= 0 ? rowOfTie(app.ui.tie) : -1;
    show(pinned >= 0 ? Math.floor(pinned / PAGE_ROWS) * PAGE_ROWS : 0);
    performance.mark('entente:table');
  }

  function goTo() {
    const n = Number(ui.goInput.value);
    if (!rows.length) return;
    if (!Number.isInteger(n) || n < 1 || n > rows.length) {
      announce(`There are ${count(rows.length)} ties: give a number from 1 to ${count(rows.length)}`);
      return;
    }
    bring(n - 1, true);
  }

  /** The next row after the one focused (or the top of the page) with an actor whose name holds the text. */
  function findNext() {
    const q = ui.findInput.value.trim().toLowerCase();
    if (!q || !rows.length) return;
    const focused = body.contains(document.activeElement) ? start + document.activeElement.closest('tr').sectionRowIndex : start - 1;
    for (let step = 1; step <= rows.length; step++) {
      const k = (focused + step) % rows.length;
      if (rows.names(k).some((name) => name.toLowerCase().includes(q))) {
        bring(k, true);
        return;
      }
    }
    announce(`No tie of an actor named like “${ui.findInput.value.trim()}”`);
  }

  ui.first.addEventListener('click', () => page(0));
  ui.previous.addEventListener('click', () => page(start - PAGE_ROWS));
  ui.next.addEventListener('click', () => page(start + PAGE_ROWS));
  ui.last.addEventListener('click', () => page(lastStart()));
  ui.go.addEventListener('click', goTo);
  ui.goInput.addEventListener('keydown', (e) => { if (e.key === 'Enter') goTo(); });
  ui.find.addEventListener('click', findNext);
  ui.findInput.addEventListener('keydown', (e) => { if (e.key === 'Enter') findNext(); });

  // A tie pinned, or an actor pinned (by the search box, say), comes into the table.
  app.on('select', () => {
    if (!rows.length) return;
    const { tie, pinned } = app.ui;
    const row = tie >= 0 ? rowOfTie(tie) : -1;
    if (row >= 0) bring(row, false);
    else if (pinned >= 0) {
      const e = app.frame.edges;
      const here = (k) => e[2 * k] === pinned || e[2 * k + 1] === pinned;
      let onPage = false;
      for (let k = start; k < Math.min(rows.length, start + PAGE_ROWS); k++) onPage ||= here(k);
      if (!onPage) {
        let k = 0;
        while (k < rows.length && !here(k)) k++;
        if (k < rows.length) bring(k, false);
      }
    }
  });

  const queue = () => app.later('table', build);
  table.caption.textContent = 'The table of ties is being prepared';
  app.on('filter', queue);
  app.on('load', queue);
  queue();
}
