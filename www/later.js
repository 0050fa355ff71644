// Work off the critical path: tasks that wait for the first picture, then run one per idle period, and the marks the open benchmark reads.

/** A task waits at most this long for an idle period (the page may never be idle while a layout runs). */
const IDLE_TIMEOUT_MS = 1000;

const idle = globalThis.requestIdleCallback
  ? (fn) => requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS })
  : (fn) => setTimeout(fn, 1);

/** Marks a phase of opening a dataset (`entente:<name>`) on the performance timeline (bench/open). */
export function mark(name) {
  performance.mark(`entente:${name}`);
}

/**
 * A queue of keyed tasks run in idle time once a picture is on screen. Queuing a key already
 * waiting replaces its task (a filter change while the table waits builds the table once). Once
 * the picture is on screen, a small picture's tasks run at once, as they cost next to nothing.
 * @param {() => boolean} small whether the picture on screen is small
 * @returns {{later(key: string, task: () => (void|Promise)): void, pictured(): void, unpictured(): void}}
 *   `pictured` is called when a picture is on screen (the tasks may start), `unpictured` when a
 *   new dataset is on its way to the screen (they wait again).
 */
export function makeLater(small) {
  const tasks = new Map();
  let onScreen = false;
  let scheduled = false;

  function schedule() {
    if (scheduled || !onScreen || tasks.size === 0) return;
    scheduled = true;
    idle(runOne);
  }

  // One task per idle period, so that input and frames get in between; a task that goes on
  // asynchronously (a fetch, slices) does not hold up the next.
  function runOne() {
    scheduled = false;
    if (!onScreen) return;
    const [key, task] = tasks.entries().next().value ?? [];
    if (!key) return;
    tasks.delete(key);
    try {
      task();
    } finally {
      schedule();
    }
  }

  return {
    later(key, task) {
      tasks.delete(key);
      if (onScreen && small()) {
        task();
        return;
      }
      tasks.set(key, task);
      schedule();
    },
    pictured() {
      onScreen = true;
      schedule();
    },
    unpictured() {
      onScreen = false;
    },
  };
}
