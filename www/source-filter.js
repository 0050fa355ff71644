// The source-dataset filter: one checkbox per dataset the events came from (the dataset's own, each file added), shown when there are two or more.

import { el } from './dom.js';

/** A checkbox's label: the source dataset's name (the dataset's own title for '') on one line, and
 *  under it, muted, how many events it holds ("the dataset's own, 59 events", "4 events"). */
function labelOf(name, events, title) {
  const own = name === '';
  const count = `${own ? 'the dataset\'s own, ' : ''}${events.toLocaleString('en')} ${events === 1 ? 'event' : 'events'}`;
  return el('span', 'source', el('span', 'source-name', own ? title || 'This dataset' : name), ' ', el('span', 'count', count));
}

/** The fieldset, empty and hidden until a dataset with events from two or more source datasets is on screen. */
export function installSourceFilter(app) {
  const list = el('div', 'source-list');
  const fieldset = el('fieldset', { id: 'source-datasets', hidden: true }, el('legend', null, 'Show events from'), list);
  const build = () => {
    const rows = app.core.sourceDatasets();
    fieldset.hidden = rows.length < 2;
    const title = app.core.meta().title;
    list.replaceChildren(...(rows.length < 2 ? [] : rows.map(({ name, events }) => {
      const box = el('input', { type: 'checkbox', checked: !app.ui.hiddenSources.includes(name) });
      box.dataset.source = name;
      box.addEventListener('change', () => {
        const hidden = app.ui.hiddenSources.filter((n) => n !== name);
        app.actions.setFilter({ hiddenSources: box.checked ? hidden : [...hidden, name] });
      });
      return el('label', null, box, labelOf(name, events, title));
    })));
  };
  const sync = () => {
    for (const box of list.querySelectorAll('input[data-source]')) box.checked = !app.ui.hiddenSources.includes(box.dataset.source);
  };
  app.on('load', build);
  app.on('filter', sync);
  if (app.core) build();
  return fieldset;
}
