// The comparison of two dates shown beside the picture: its summary line and legend, and the sortable table of changes (CSV export); with explore.js, after the first picture.

import { el } from './dom.js';
import { CHANGES, CODE } from './compare.js';

const toneText = (tone) => tone ?? 'not active';
const eventText = (e) => `${e.date}${e.end ? `–${e.end}` : ''} ${e.kind}, ${e.tone}: ${e.summary} (${e.sources.map((s) => `${s.outlet}, ${s.date}`).join('; ')})`;

/** The table's columns: header, the cell's text, and the value it sorts by. */
const COLUMNS = [
  { head: 'Tie', text: (t) => `${t.sourceName} — ${t.targetName}` },
  { head: 'Change', text: (t) => t.change, sort: (t) => CODE.get(t.change) },
  { head: 'At A', text: (t) => toneText(t.toneA) },
  { head: 'At B', text: (t) => toneText(t.toneB) },
  { head: 'New events', text: (t) => String(t.newEvents), sort: (t) => t.newEvents },
  { head: 'Evidence', text: (t) => t.evidence.map(eventText).join(' | ') },
];

/** The changes as CSV text: one row per tie, the columns of the table (cells quoted). */
export function changesCsv(view) {
  const cell = (s) => {
    const text = String(s);
    // A leading formula character gets the spreadsheets' text mark, as the dataset's CSV export does.
    return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replaceAll('"', '""')}"`;
  };
  const head = ['source', 'target', 'change', 'tone_a', 'tone_b', 'new_events', 'evidence'];
  const rows = view.ties.map((t) => [t.source, t.target, t.change, t.toneA ?? '', t.toneB ?? '', t.newEvents, t.evidence.map(eventText).join(' | ')]);
  return `${[head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The summary line, the legend and the table of changes, shown while the time mode is "Compare". */
export function installCompare(app) {
  const section = document.getElementById('compare-view');
  const summary = document.getElementById('compare-summary');
  const legend = document.getElementById('compare-legend');
  const table = section.querySelector('table');
  let sortBy = 1, ascending = true;
  legend.replaceChildren(...CHANGES.map((c) => el('li', `change change-${c.key}`,
    `${c.mark ? `${c.mark} ` : ''}${c.label}: ${c.about}`)));
  const head = table.tHead.rows[0];
  head.replaceChildren(...COLUMNS.map((col, j) => {
    const th = el('th', null);
    th.scope = 'col';
    const b = el('button', { type: 'button', className: 'sort' }, col.head);
    b.addEventListener('click', () => {
      ascending = sortBy === j ? !ascending : true;
      sortBy = j;
      rebuild();
    });
    th.append(b);
    return th;
  }));

  function rebuild() {
    const c = app.frame.compare;
    section.hidden = !c;
    if (!c) return;
    summary.textContent = c.view.summary;
    const col = COLUMNS[sortBy], key = col.sort ?? col.text;
    const rows = [...c.view.ties].sort((x, y) => {
      const a = key(x), b = key(y);
      const order = a < b ? -1 : a > b ? 1 : x.tie - y.tie;
      return ascending ? order : -order;
    });
    [...head.cells].forEach((th, j) => th.setAttribute('aria-sort', j === sortBy ? (ascending ? 'ascending' : 'descending') : 'none'));
    const shown = new Set(app.frame.ties);
    table.tBodies[0].replaceChildren(...rows.map((t) => {
      const tr = el('tr', `change-${t.change}`);
      tr.dataset.tie = String(t.tie);
      COLUMNS.forEach((column, j) => {
        const cell = el(j === 0 ? 'th' : 'td', null, column.text(t));
        if (j === 0) cell.scope = 'row';
        tr.append(cell);
      });
      // A tie shown at B, or one that ended (drawn faded), opens in the evidence panel.
      if (shown.has(t.tie) || t.change === 'ended') {
        tr.tabIndex = 0;
        tr.classList.add('opens');
        const open = () => app.actions.select({ tie: t.tie });
        tr.addEventListener('click', open);
        tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
      }
      return tr;
    }));
    table.caption.textContent = `${rows.length} ties changed or kept between ${c.view.a} and ${c.view.b}`;
  }
  document.getElementById('compare-csv').addEventListener('click', () => {
    const c = app.frame.compare;
    if (!c) return;
    const blob = new Blob([changesCsv(c.view)], { type: 'text/csv' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `changes-${c.view.a}-to-${c.view.b}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  app.on('filter', rebuild);
  app.on('load', rebuild);
  rebuild();
}
