// The edit forms: an actor's fields in the evidence panel (each committed on its own), delete and merge, the events of a tie, the event form, the new-actor form.

import { el, announce } from './dom.js';
import { KINDS, TONES, ACTOR_TYPES } from './kinds.js';
import { installMapPick } from './map-pick.js';

let fieldCount = 0;

/** A labelled field: its input carries `data-field` (the validator's field name) and an error line. */
function field(label, input, name, hint) {
  const id = `edit-${++fieldCount}`;
  input.id = id;
  input.dataset.field = name;
  const error = el('p', { className: 'field-error', id: `${id}-error`, hidden: true });
  const parts = [el('label', { htmlFor: id }, label)];
  if (hint) parts.push(el('span', { className: 'field-hint', id: `${id}-hint` }, hint));
  input.setAttribute('aria-describedby', [hint ? `${id}-hint` : '', `${id}-error`].join(' ').trim());
  return el('div', 'field', ...parts, input, error);
}

const text = (value = '', props = {}) => el('input', { type: 'text', value: value ?? '', autocomplete: 'off', ...props });
function select(options, value) {
  const s = el('select');
  for (const [key, label] of options) s.append(el('option', { value: key, selected: key === value }, label));
  return s;
}
function button(label, onClick, className = 'small') {
  const b = el('button', { type: 'button', className }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** Shows a refusal at its field (else at the form), announced; clears the others. */
function showErrors(form, error, warnings = []) {
  for (const p of form.querySelectorAll('.field-error, .form-error, .form-warning')) { p.hidden = true; p.textContent = ''; p.removeAttribute('role'); }
  for (const i of form.querySelectorAll('[aria-invalid]')) i.removeAttribute('aria-invalid');
  const at = (name) => {
    if (!name) return null;
    const exact = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    return exact ?? form.querySelector(`[data-field="${CSS.escape(name.split(/[.[]/)[0])}"]`);
  };
  if (error) {
    const input = at(error.field);
    const slot = input ? form.querySelector(`#${input.id}-error`) : form.querySelector('.form-error');
    slot.textContent = error.message;
    slot.hidden = false;
    slot.setAttribute('role', 'alert');
    if (input) input.setAttribute('aria-invalid', 'true');
  }
  const warn = form.querySelector('.form-warning');
  if (warn && warnings.length) {
    warn.textContent = `Warning: ${warnings.map((w) => w.message).join(' ')}`;
    warn.hidden = false;
  }
}

/** Reads an actor form; a coordinate that is not a number goes as typed, for the core to refuse in a file's words. */
function actorOf(form, id) {
  const v = (name) => form.querySelector(`[data-field="${name}"]`).value.trim();
  const number = (s) => (s !== '' && Number.isFinite(Number(s)) ? Number(s) : s);
  const actor = { id: id ?? v('id'), name: v('name'), type: v('type'), lat: number(v('lat')), lon: number(v('lon')) };
  for (const key of ['short', 'iso3', 'base']) if (v(key)) actor[key] = v(key);
  return actor;
}

/** The actor's fields; `pickRow` (the "Pick on the map" button) goes after the coordinates. */
function actorFields(actor, pickRow) {
  const types = ACTOR_TYPES.map((t) => [t.key, t.label]);
  return [
    field('Name', text(actor?.name), 'name'),
    field('Short name', text(actor?.short), 'short', 'optional, at most 16 characters'),
    field('Type', select(types, actor?.type ?? 'state'), 'type'),
    field('ISO 3166 code', text(actor?.iso3, { maxLength: 3 }), 'iso3', 'a state only, three capitals'),
    field('Latitude', text(actor?.lat ?? '', { inputMode: 'decimal' }), 'lat', '−90 to 90'),
    field('Longitude', text(actor?.lon ?? '', { inputMode: 'decimal' }), 'lon', '−180 to 180'),
    pickRow,
    field('Based in', text(actor?.base), 'base', 'a group or organization only, optional'),
  ];
}

/**
 * "Pick on the map": the map layout shown, a click there fills the latitude and longitude of
 * `form` (then `commit`, for an actor already in the dataset: one edit step); Escape cancels.
 */
function pickRow(pick, nameOf, commit) {
  const b = el('button', { type: 'button', className: 'small pick' }, 'Pick on the map');
  b.setAttribute('aria-pressed', 'false');
  b.addEventListener('click', () => {
    const form = b.closest('form');
    b.setAttribute('aria-pressed', 'true');
    pick(nameOf(form), (lat, lon) => {
      form.querySelector('[data-field="lat"]').value = String(lat);
      form.querySelector('[data-field="lon"]').value = String(lon);
      commit?.(form);
    }, () => {
      b.setAttribute('aria-pressed', 'false');
      if (b.isConnected && !commit) b.focus();
    });
  });
  return el('div', 'edit-row pick-row', b, el('span', 'field-hint', 'a click on the map fills both'));
}

const SOURCE_KEYS = ['outlet', 'date', 'url', 'title', 'quote'];

/** One source's fieldset, its fields named `sources[i].<key>` (the validator's field names). */
function sourceSet(src, i, onRemove) {
  const name = (key) => `sources[${i}].${key}`;
  const remove = button('Remove this source', onRemove);
  return el('fieldset', 'source', el('legend', null, `Source ${i + 1}`),
    field('Outlet', text(src.outlet), name('outlet')),
    field('Date of the item', text(src.date, { placeholder: 'YYYY-MM-DD' }), name('date')),
    field('Address (URL)', text(src.url, { type: 'url', inputMode: 'url' }), name('url'), 'http:// or https://, optional'),
    field('Title', text(src.title), name('title'), 'optional'),
    field('Quote', el('textarea', { rows: 2, value: src.quote ?? '' }), name('quote'), 'a short passage, optional'),
    remove);
}

/**
 * Every source of an event, each in its own fieldset, with "Add a source" and, while there is more
 * than one, "Remove this source": `{box, add, read(v)}`, `read` giving the sources as typed (an
 * empty item date takes the event's date; a source left wholly blank is dropped).
 */
function sourcesEditor(list) {
  const box = el('div', 'sources');
  const values = () => [...box.children].map((set) => Object.fromEntries(SOURCE_KEYS.map((key, k) =>
    [key, set.querySelectorAll('input, textarea')[k].value])));
  function render(items) {
    box.replaceChildren(...items.map((src, i) => sourceSet(src, i, () => {
      const now = values();
      now.splice(i, 1);
      render(now);
      box.querySelector('input')?.focus();
    })));
    for (const b of box.querySelectorAll('fieldset > button')) b.hidden = items.length < 2;
  }
  render(list.length ? list : [{}]);
  const add = button('Add a source', () => {
    render([...values(), {}]);
    box.lastElementChild.querySelector('input').focus();
  });
  return {
    box,
    add,
    read(v) {
      return [...box.children].map((_, i) => {
        const source = { outlet: v(`sources[${i}].outlet`), date: v(`sources[${i}].date`) || v('date') };
        for (const key of ['url', 'title', 'quote']) if (v(`sources[${i}].${key}`)) source[key] = v(`sources[${i}].${key}`);
        return source;
      }).filter((source, i) => i === 0 || SOURCE_KEYS.some((key) => key !== 'date' && source[key]) || v(`sources[${i}].date`));
    },
  };
}

/** The event form; `onSave(event)` resolves to the edit's result. */
function eventForm(actors, { fixed, partner, event, saveLabel, onSave, onCancel }) {
  const sources = sourcesEditor(event?.sources ?? []);
  const options = el('datalist', { id: `edit-actors-${++fieldCount}` }, ...actors.map((a) => el('option', { value: `${a.name} (${a.id})` })));
  const partnerInput = text(partner ? `${partner.name} (${partner.id})` : '');
  partnerInput.setAttribute('list', options.id);
  const figures = (event?.figures ?? []).map((f) => `${f.value} ${f.unit}${f.what ? ` ${f.what}` : ''}`).join('; ');
  const form = el('form', { className: 'edit-form event-form', noValidate: true },
    fixed ? null : field('With actor', partnerInput, 'target', 'type a name, then choose'), options,
    field('Date', text(event?.date, { placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD' }), 'date', 'year, month or day'),
    field('End', text(event?.end, { placeholder: 'optional' }), 'end', 'for something lasting; optional'),
    field('Kind', select(KINDS.map((k) => [k.key, k.label]), event?.kind ?? 'diplomatic'), 'kind'),
    field('Tone', select(TONES.map((t) => [t.key, t.label]), event?.tone ?? 'cooperative'), 'tone'),
    field('Summary', el('textarea', { rows: 2, value: event?.summary ?? '' }), 'summary', 'in your own words'),
    field('Figures', text(figures), 'figures', 'optional: 1500000000 USD deal value; 30 helicopters'),
    field('People', text((event?.people ?? []).join('; ')), 'people', 'optional, separated by ;'),
    sources.box, sources.add,
    field('Note', text(event?.note), 'note', 'optional'),
    el('p', { className: 'form-error', hidden: true }), el('p', { className: 'form-warning', hidden: true }),
    el('div', 'edit-row', el('button', { type: 'submit', className: 'small primary' }, saveLabel), onCancel ? button('Cancel', onCancel) : null));
  const v = (name) => form.querySelector(`[data-field="${CSS.escape(name)}"]`).value.trim();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    // What the form does not show (an assessment mark, say) is kept as it was.
    const ev = { ...(event ?? {}), date: v('date'), kind: v('kind'), tone: v('tone'), summary: v('summary'), sources: sources.read(v) };
    for (const key of ['end', 'note', 'people', 'figures']) delete ev[key];
    if (v('end')) ev.end = v('end');
    if (v('note')) ev.note = v('note');
    if (v('people')) ev.people = v('people').split(';').map((p) => p.trim()).filter(Boolean);
    if (v('figures')) {
      ev.figures = v('figures').split(';').map((f) => f.trim()).filter(Boolean).map((f) => {
        const [value, unit, ...what] = f.split(/\s+/);
        const figure = { value: Number.isFinite(Number(value)) ? Number(value) : value, unit: unit ?? '' };
        return what.length ? { ...figure, what: what.join(' ') } : figure;
      });
    }
    let target = fixed;
    if (!fixed) {
      const typed = partnerInput.value.trim();
      const byId = /\(([^()]+)\)$/.exec(typed)?.[1];
      target = actors.find((a) => a.id === byId || a.name === typed || a.id === typed)?.id ?? typed;
    }
    const result = await onSave(ev, target);
    if (!result.ok) showErrors(form, result.error);
    else if (result.warnings?.length) announce(`Warning: ${result.warnings[0].message}`);
  });
  return form;
}

/** @param {object} app @param {object} api the edit API (edit.js) */
export function installForms(app, api) {
  const panel = document.getElementById('evidence');
  const tools = document.getElementById('edit-tools');
  const actorsList = () => app.frame.actors.map((a) => ({ id: a.id, name: a.name }));
  const pick = installMapPick(app);

  // The new-actor form, in the Edit box; after it is added, the form for its first event.
  const addBox = el('details', { id: 'add-actor' }, el('summary', null, 'Add an actor'));
  tools.append(addBox);
  function newActorForm() {
    const form = el('form', { className: 'edit-form', noValidate: true }, field('Id', text('', { placeholder: 'e.g. SAU' }), 'id', 'by convention a state\'s ISO code'),
      ...actorFields(null, pickRow(pick, (form) => form.querySelector('[data-field="name"]').value.trim() || 'the new actor')),
      el('p', { className: 'form-error', hidden: true }), el('p', { className: 'form-warning', hidden: true }),
      el('button', { type: 'submit', className: 'small primary' }, 'Add actor'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const actor = actorOf(form);
      const result = await api.addActor(actor);
      if (!result.ok) return showErrors(form, result.error);
      const done = el('p', 'form-done', `${actor.name} is added. It is drawn once it has an event: add its first one.`);
      done.setAttribute('role', 'status');
      const next = eventForm(actorsList(), { saveLabel: 'Add event', onSave: (ev, target) => api.addEvent(actor.id, target, ev) });
      form.replaceWith(done, next);
      showErrors(next, null, result.warnings);
      next.querySelector('input').focus();
    });
    return form;
  }
  addBox.append(newActorForm());
  addBox.addEventListener('toggle', () => { if (!addBox.open) addBox.replaceChildren(addBox.firstChild, newActorForm()); });

  /** The forms for the pinned actor. */
  async function actorSection(i) {
    const shown = app.frame.actors[i];
    const actor = await api.actor(shown.id);
    const ties = app.core.tiesOf(i).length;
    const commit = async (f) => {
      const result = await api.updateActor(actor.id, actorOf(f, actor.id));
      if (!result.ok) showErrors(f, result.error);
    };
    const form = el('form', { className: 'edit-form', noValidate: true }, ...actorFields(actor, pickRow(pick, () => actor.name, commit)),
      el('p', { className: 'form-error', hidden: true }), el('p', { className: 'form-warning', hidden: true }));
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('change', () => commit(form));
    const del = el('div', 'edit-row');
    const ask = button(`Delete ${actor.name}…`, () => {
      del.replaceChildren(el('span', null, `Delete ${actor.name} and its ${ties} tie${ties === 1 ? '' : 's'}?`),
        button('Delete', () => api.removeActor(actor.id), 'small danger'), button('Cancel', () => del.replaceChildren(ask)));
      del.querySelector('.danger').focus();
    });
    del.append(ask);
    const others = actorsList().filter((a) => a.id !== actor.id);
    const merge = eventlessChooser(others, `Merge into ${actor.name}`, 'merge', async (form2, id) => {
      const result = await api.mergeActors(actor.id, id);
      if (!result.ok) showErrors(form2, result.error);
    });
    const adding = el('details', 'add-event', el('summary', null, `Add an event of ${actor.name}`),
      eventForm(others, { saveLabel: 'Add event', onSave: (ev, target) => api.addEvent(actor.id, target, ev) }));
    return el('section', { className: 'edit-section', ariaLabel: `Edit ${actor.name}` },
      el('h3', null, `Edit ${actor.name} (${actor.id})`), form, adding, merge, del);
  }

  /** An actor chooser and its button (merge). */
  function eventlessChooser(actors, label, name, onPick) {
    const list = el('datalist', { id: `edit-actors-${++fieldCount}` }, ...actors.map((a) => el('option', { value: `${a.name} (${a.id})` })));
    const input = text('');
    input.setAttribute('list', list.id);
    const form = el('form', { className: 'edit-form merge-form', noValidate: true }, field('Merge another actor into this one', input, name, 'its ties and events become this actor\'s'), list,
      el('p', { className: 'form-error', hidden: true }), el('button', { type: 'submit', className: 'small' }, label));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const typed = input.value.trim();
      const byId = /\(([^()]+)\)$/.exec(typed)?.[1];
      onPick(form, actors.find((a) => a.id === byId || a.name === typed || a.id === typed)?.id ?? typed);
    });
    return form;
  }

  /** The pinned tie's events in the dataset's order, each with Edit and Delete, and a new one. */
  async function tieSection(t) {
    const k = Array.prototype.indexOf.call(app.frame.ties, t);
    const [a, b] = [app.frame.actors[app.frame.edges[2 * k]], app.frame.actors[app.frame.edges[2 * k + 1]]];
    const events = await api.events(a.id, b.id);
    const list = el('ol', 'edit-events');
    events.forEach((ev, index) => {
      const li = el('li', null, el('span', null, `${ev.date} ${ev.kind}: ${ev.summary}`));
      const edit = button('Edit', () => {
        li.replaceChildren(eventForm([], { fixed: b.id, event: ev, saveLabel: 'Save event', onSave: (next) => api.updateEvent(a.id, b.id, index, next), onCancel: () => rebuild(true) }));
        li.querySelector('input').focus();
      });
      edit.setAttribute('aria-label', `Edit the event of ${ev.date}: ${ev.summary}`);
      const del = button('Delete', () => api.removeEvent(a.id, b.id, index));
      del.setAttribute('aria-label', `Delete the event of ${ev.date}: ${ev.summary}`);
      li.append(' ', edit, ' ', del);
      list.append(li);
    });
    const adding = el('details', 'add-event', el('summary', null, 'Add an event on this tie'),
      eventForm([], { fixed: b.id, saveLabel: 'Add event', onSave: (ev) => api.addEvent(a.id, b.id, ev) }));
    return el('section', { className: 'edit-section', ariaLabel: `Edit ${a.name} — ${b.name}` },
      el('h3', null, `Edit the events of ${a.name} — ${b.name}`), list, adding);
  }

  let building = 0;
  async function rebuild(force) {
    const ticket = ++building;
    const old = panel.querySelector('.edit-section');
    const focused = old?.contains(document.activeElement) ? document.activeElement.dataset.field : null;
    const { editing, pinned, tie } = app.ui;
    if (!editing || panel.hidden || (pinned < 0 && tie < 0)) { old?.remove(); return; }
    const section = pinned >= 0 ? await actorSection(pinned) : await tieSection(tie);
    if (ticket !== building) return;
    panel.querySelector('.edit-section')?.remove();
    panel.querySelector('.panel-head')?.after(section);
    const again = focused && section.querySelector(`[data-field="${CSS.escape(focused)}"]`);
    if (again) again.focus();
    else if (force) section.querySelector('button, input')?.focus();
  }
  const changed = app.state.watch(['editing', 'pinned', 'tie', 'kinds', 'tones', 'types', 'until', 'core']);
  app.on('frame', () => {
    if (changed()) rebuild(false).catch((err) => app.showError(`The edit forms could not be shown: ${err.message}`));
  });
}
