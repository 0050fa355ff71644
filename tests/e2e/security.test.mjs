// Static checks of the page's sources: no HTML sink in any page module, and a strict CSP in every HTML file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const WWW = join(ROOT, 'www');
const read = (name) => readFileSync(join(WWW, name), 'utf8');
const files = (ext) => readdirSync(WWW).filter((f) => f.endsWith(ext));

/** Ways a string becomes markup or code. Every dataset string must reach the page as text. */
const SINKS = [
  /\.innerHTML\b/, /\.outerHTML\b/, /\binsertAdjacentHTML\b/, /\bdocument\.write(ln)?\b/,
  /\bcreateContextualFragment\b/, /\bparseFromString\b/, /\bsrcdoc\b/, /\bDOMParser\b/,
  /\beval\s*\(/, /\bnew\s+Function\b/, /\bset(Timeout|Interval)\s*\(\s*['"`]/,
  /\.setAttribute\(\s*['"`]on/i, /\.on[a-z]+\s*=\s*['"`]/, /\bsetHTMLUnsafe\b/,
];

/** Reviewed uses, each with why no dataset string can become markup there. */
const ALLOWED = [
  { file: 'timeline.js', line: /new DOMParser\(\)\.parseFromString\(markup, 'image\/svg\+xml'\)/,
    why: "the chart module's events chart: plotters writes it and escapes every text; it holds years and counts, no dataset string; it passes the page's Trusted Types policy 'entente-chart' (an SVG document with no script, handler, style or link), and is parsed as XML, where scripts never run" },
];

test('no page module writes strings as HTML or code', () => {
  const modules = files('.js');
  assert.ok(modules.includes('main.js') && modules.includes('tooltip.js'), `found ${modules}`);
  for (const name of modules) {
    read(name).split('\n').forEach((line, i) => {
      if (ALLOWED.some((a) => a.file === name && a.line.test(line))) return;
      for (const sink of SINKS) {
        assert.ok(!sink.test(line), `www/${name}:${i + 1} uses ${sink}: ${line.trim()}`);
      }
    });
  }
});

test('every reviewed exception is still in its file', () => {
  for (const a of ALLOWED) assert.ok(read(a.file).split('\n').some((l) => a.line.test(l)), `${a.file}: ${a.why}`);
});

test('the sink check itself catches each sink', () => {
  for (const bad of ['el.innerHTML = x', 'document.write(x)', "el.insertAdjacentHTML('beforeend', x)", 'eval(x)',
    "setTimeout('go()')", "el.setAttribute('onclick', x)", 'new Function(x)']) {
    assert.ok(SINKS.some((s) => s.test(bad)), bad);
  }
});

/** The Content-Security-Policy of an HTML file as {directive: [values]}. */
function policy(html, name) {
  const meta = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i);
  assert.ok(meta, `${name} has no CSP meta tag`);
  return Object.fromEntries(meta[1].split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0])
    .map(([k, ...v]) => [k, v]));
}

test('every HTML file has a strict CSP and no inline script or style', () => {
  const pages = files('.html');
  assert.ok(pages.includes('index.html'));
  for (const name of pages) {
    const html = read(name);
    const csp = policy(html, name);
    for (const [directive, values] of Object.entries(csp)) {
      assert.ok(!values.includes("'unsafe-inline'"), `${name}: ${directive} allows 'unsafe-inline'`);
      assert.ok(!values.includes("'unsafe-eval'"), `${name}: ${directive} allows 'unsafe-eval'`);
      assert.ok(!values.includes('*') && !values.some((v) => /^(https?:|data:)$/.test(v) && directive !== 'img-src'),
        `${name}: ${directive} allows any source`);
    }
    assert.deepEqual(csp['default-src'], ["'self'"], `${name}: default-src`);
    assert.deepEqual(csp['script-src'], ["'self'", "'wasm-unsafe-eval'"], `${name}: script-src`);
    assert.deepEqual(csp['connect-src'], ["'self'"], `${name}: no request leaves the page's origin`);
    assert.deepEqual(csp['object-src'], ["'none'"], `${name}: object-src`);
    assert.deepEqual(csp['base-uri'], ["'none'"], `${name}: base-uri`);
    assert.deepEqual(csp['require-trusted-types-for'], ["'script'"], `${name}: Trusted Types required`);
    assert.deepEqual(csp['trusted-types'], ['entente-chart', 'entente-worker', 'entente-events', 'entente-paint'], `${name}: only Entente's own policies`);
    for (const tag of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
      assert.match(tag[0], /\bsrc=/, `${name}: inline script ${tag[0].slice(0, 60)}`);
      assert.equal(tag[1].trim(), '', `${name}: a script with a body`);
    }
    assert.doesNotMatch(html, /<style\b/i, `${name}: inline <style>`);
    assert.doesNotMatch(html, /\sstyle\s*=/i, `${name}: style="" attribute`);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${name}: inline event handler`);
  }
});
