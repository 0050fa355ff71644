// Untrusted input at the page's edges: same-origin dataset URLs read as bytes, and uncaught errors shown, not lost.

/**
 * Resolves `value` (as given in `?data=`) against the page and returns the absolute URL, or
 * throws an Error saying why it is refused: only files from the page's own origin are read.
 * @param {string} value
 * @param {string} [base] the page's address
 */
export function sameOriginUrl(value, base = location.href) {
  let url;
  try {
    url = new URL(value, base);
  } catch {
    throw new Error(`"${value}" is not a URL`);
  }
  const here = new URL(base).origin;
  if (url.origin !== here) {
    throw new Error(`only files from this site (${here}) can be opened; this address is on ${url.origin === 'null' ? `a "${url.protocol}" URL` : url.origin}`);
  }
  return url.href;
}

/** Whether a file is Entente JSON, which goes straight to loadText. */
export function isJson(name, text) {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('{') || (/\.json$/i.test(name) && !start.startsWith('<'));
}

/**
 * Reads a dataset file from the page's own origin as bytes and returns its text, checked by
 * the core (`textFromBytes`: size limit, UTF-8, byte order marks). Throws an Error with a message.
 * @param {string} value URL as given in `?data=`
 * @param {(bytes: Uint8Array) => string} textFromBytes the core's bytes front door
 */
export async function fetchDataset(value, textFromBytes) {
  const url = sameOriginUrl(value);
  const early = takeEarly(url);
  let res = early ? await early.response : null;
  let body = res?.ok ? await early.body : null;
  if (!res || (res.ok && !body)) {
    // early.js' request failed, or its body could not be read: asked again here.
    res = await fetch(url, { credentials: 'same-origin' });
    body = null;
  }
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const bytes = new Uint8Array(body ?? await res.arrayBuffer());
  performance.mark('entente:fetched');
  return textFromBytes(bytes);
}

/** What early.js started for `url` (the page's own ?data=), once: `{response, body}`, the
 *  response and its bytes read (each a promise of null where it failed); null otherwise. */
function takeEarly(url) {
  const early = window.ententeEarlyData;
  if (!early || early.href !== url) return null;
  window.ententeEarlyData = null;
  return early;
}

/**
 * Reads a File (picker, drop) as bytes and returns its text, checked by the core like a
 * download. Throws an Error whose message starts with the file's name.
 * @param {File} file
 * @param {(bytes: Uint8Array) => string} textFromBytes the core's bytes front door
 */
export async function readFileText(file, textFromBytes) {
  try {
    return textFromBytes(new Uint8Array(await file.arrayBuffer()));
  } catch (err) {
    throw new Error(`${file.name}: ${err.message}`);
  }
}

/**
 * Shows errors that nothing caught (in an event handler, a promise) in the banner instead of
 * only in the console; the data on screen stays. A click on the banner dismisses it.
 * @param {object} app the application context from main.js
 */
export function installGuard(app) {
  const report = (message) => app.showError(`Something went wrong: ${message}. What is on screen is unchanged.`);
  window.addEventListener('error', (e) => report(e.error?.message ?? e.message));
  window.addEventListener('unhandledrejection', (e) => report(e.reason?.message ?? String(e.reason)));
  const banner = document.getElementById('error');
  banner.title = 'Click to dismiss';
  banner.addEventListener('click', () => app.clearError());
}
