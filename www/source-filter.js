// The source-dataset filter: one checkbox per dataset the events came from (the dataset's own, each file added), shown when there are two or more.

import { el } from './dom.js';

/** What a source dataset is called in the panel: its name, or the dataset's own title for ''. */
function labelOf(name, title) {
  return name === '' ? `${title || 'This dataset'} (its own events)` : name;
}

/** The fieldset, empty and hidden until a dataset with events from two or more source datasets is on screen. */
export function installSourceFilter(app) {
  const list = el('div', 'sources');
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
      const count = el('span', 'count', `(${events} ${events === 1 ? 'event' : 'events'})`);
      return el('label', null, box, el('span', null, `${labelOf(name, title)} `, count));
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
