// The Edit box: the Edit switch, undo and redo (buttons, Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z), the named history and the save indicator.

import { el } from './dom.js';

/** What an edited copy's name ends with (edit.js names copies so). */
export const COPY = ' (edited copy)';

const SAVE_TEXT = { saved: 'All changes saved', saving: 'Saving…' };

function button(id, text, props = {}) {
  const b = el('button', { type: 'button', id, ...props }, text);
  return b;
}

/** Whether a key press belongs to a text field (its own undo), not to the page's. */
const typing = (target) => target instanceof HTMLElement
  && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** @param {object} app @param {object} api the edit API (edit.js) */
export function installHistory(app, api) {
  const toggle = button('edit-toggle', 'Edit');
  toggle.setAttribute('role', 'switch');
  toggle.setAttribute('aria-checked', 'false');
  const undo = button('undo', 'Undo', { disabled: true });
  undo.setAttribute('aria-keyshortcuts', 'Control+Z Meta+Z');
  const redo = button('redo', 'Redo', { disabled: true });
  redo.setAttribute('aria-keyshortcuts', 'Control+Shift+Z Meta+Shift+Z');
  const status = el('p', { id: 'save-status', className: 'save-status' });
  const copy = el('p', { id: 'edit-copy', className: 'hint' });
  const warning = el('p', { id: 'edit-warning', className: 'form-warning', hidden: true });
  warning.setAttribute('role', 'status');
  status.setAttribute('role', 'status');
  const list = el('ol', { id: 'history-list' });
  const summary = el('summary', null, 'History');
  const tools = el('div', { id: 'edit-tools', hidden: true },
    copy, el('div', 'edit-row', undo, redo), status, warning, el('details', { id: 'history' }, summary, list));
  const box = el('fieldset', { id: 'edit' }, el('legend', null, 'Edit the dataset'), toggle,
    el('p', 'hint', 'Off: the network is read-only. On: forms in the evidence panel; every change is saved in this browser.'), tools);
  document.getElementById('controls').prepend(box);

  toggle.addEventListener('click', () => app.actions.setEditing(!app.ui.editing));
  const run = (kind) => api[kind]().catch((err) => app.showError(`${kind}: ${err.message}`));
  undo.addEventListener('click', () => run('undo'));
  redo.addEventListener('click', () => run('redo'));
  document.addEventListener('keydown', (e) => {
    if (!app.ui.editing || !(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' || (key === 'y' && !e.shiftKey)) {
      e.preventDefault();
      run(key === 'y' || e.shiftKey ? 'redo' : 'undo');
    }
  });

  async function refresh() {
    if (!app.ui.editing) return;
    const { done, undone } = await api.history();
    undo.disabled = done.length === 0;
    redo.disabled = undone.length === 0;
    undo.setAttribute('aria-label', done.length ? `Undo ${done[done.length - 1]}` : 'Undo (nothing to undo)');
    redo.setAttribute('aria-label', undone.length ? `Redo ${undone[0]}` : 'Redo (nothing to redo)');
    summary.textContent = `History (${done.length} step${done.length === 1 ? '' : 's'}${undone.length ? `, ${undone.length} undone` : ''})`;
    const items = done.map((name) => el('li', 'done', name));
    if (items.length) items[items.length - 1].setAttribute('aria-current', 'step');
    list.replaceChildren(...items, ...undone.map((name) => el('li', 'undone', name)));
  }

  const changed = app.state.watch(['editing', 'saveStatus', 'saveError', 'editWarning', 'core']);
  app.on('frame', () => {
    if (!changed()) return;
    const { editing, saveStatus, saveError } = app.ui;
    toggle.setAttribute('aria-checked', String(editing));
    toggle.textContent = editing ? 'Edit: on' : 'Edit: off';
    tools.hidden = !editing;
    document.body.classList.toggle('editing', editing);
    status.textContent = saveStatus === 'failed' ? `Could not save: ${saveError}` : SAVE_TEXT[saveStatus];
    status.classList.toggle('failed', saveStatus === 'failed');
    document.documentElement.dataset.save = saveStatus;
    warning.textContent = app.ui.editWarning ? `Warning — ${app.ui.editWarning}` : '';
    warning.hidden = !app.ui.editWarning;
    copy.textContent = app.source?.endsWith(COPY) ? `Editing “${app.source}”; the original is unchanged.`
      : 'The first change makes an edited copy; the original stays as it is.';
    refresh().catch((err) => app.showError(`The edit history could not be read: ${err.message}`));
  });
}
