// Helpers of the smoke suite that read the page through driver.mjs: the same calls in every engine.

import { decodePng, countPixels } from './png.mjs';

/** Waits until the layout has settled: the actors' rounded positions equal on two reads 250 ms apart. */
export async function settle(page) {
  let last = null;
  const deadline = Date.now() + 20000;
  for (;;) {
    const now = await page.evaluate(() => JSON.stringify(window.entente.nodes().map((n) => [Math.round(n.x), Math.round(n.y)])));
    if (now === last) return;
    if (Date.now() > deadline) throw new Error('the layout did not settle in 20 s');
    last = now;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Where actor `id` is, in viewport CSS pixels. */
export function actorPoint(page, id) {
  return page.evaluate((id) => {
    const n = window.entente.nodes().find((a) => a.id === id);
    const r = document.getElementById('network').getBoundingClientRect();
    return n && { x: r.left + n.x, y: r.top + n.y };
  }, id);
}

/** Counts the network's pixels on a screenshot (what a person sees; WebKitGTK's getImageData can
 *  read a canvas before its last drawing): `inked` (not the background) and `green` (the
 *  diplomatic colour). */
export async function drawn(page) {
  const picture = decodePng(await page.screenshot());
  const { box, width } = await page.evaluate(() => ({
    box: document.getElementById('network').getBoundingClientRect().toJSON(), width: innerWidth,
  }));
  return countPixels(picture, box, picture.width / width);
}

/** Presses Tab until `selector` has the focus (at most `max` times). */
export async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return true;
  }
  return false;
}

/** Keeps the page's downloads in `window.__downloads` (promises of {name, text, bytes: base64}) instead of
 *  saving them: the Blob behind the link's object URL is read back (the page's CSP lets no
 *  fetch read a blob: URL). */
export function catchDownloads(page) {
  return page.evaluate(() => {
    window.__downloads = [];
    const blobs = new Map();
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
      const url = createObjectURL(blob);
      blobs.set(url, blob);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function caught() {
      if (!this.download || !blobs.has(this.href)) return click.call(this);
      const name = this.download;
      const blob = blobs.get(this.href);
      const base64 = new Promise((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result.split(',')[1]);
        reader.readAsDataURL(blob);
      });
      window.__downloads.push(Promise.all([blob.text(), base64]).then(([text, bytes]) => ({ name, text, bytes })));
    };
  });
}

/** Whether the engine has Trusted Types, and what a plain string in an HTML and a script-URL sink does. */
export function trustedTypesUse(page) {
  return page.evaluate(() => {
    const tries = {
      innerHTML: () => { document.createElement('div').innerHTML = '<b>x</b>'; },
      scriptSrc: () => { document.createElement('script').src = 'main.js'; },
    };
    const refused = Object.fromEntries(Object.entries(tries).map(([name, run]) => {
      try { run(); return [name, 'allowed']; } catch (e) { return [name, e.name]; }
    }));
    return { engineHasThem: typeof window.trustedTypes?.createPolicy === 'function', refused };
  });
}

/** In the page: whether the store holds `key` with the kind filter `kinds` (bits). */
export function stored({ key, kinds }) {
  return new Promise((resolve) => {
    const open = indexedDB.open('entente', 1);
    open.onsuccess = () => {
      const get = open.result.transaction('entries').objectStore('entries').get(key);
      get.onsuccess = () => { open.result.close(); resolve(get.result?.view?.kinds === kinds); };
      get.onerror = () => { open.result.close(); resolve(false); };
    };
    open.onerror = () => resolve(false);
  });
}
