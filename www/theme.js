// The page's theme colours as drawing reads them, from the CSS custom properties of the root.

/** The colours by scheme (dark or not), read once each: reading computed style in every frame
 *  would recompute the page's style whenever the document changed since (a progress bar's text). */
const read = new Map();

export function themeColours() {
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  const known = read.get(dark);
  if (known) return known;
  const css = getComputedStyle(document.documentElement);
  const value = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  const colours = Object.freeze({
    background: value('--canvas', '#fff'),
    ink: value('--ink', '#111'),
    muted: value('--muted', '#555'),
    focusRing: value('--focus', '#000'),
    accent: value('--accent', '#0063a6'),
    font: value('--font', 'sans-serif'),
    dark,
  });
  // Kept only once the style sheet is applied (its custom properties are there).
  if (css.getPropertyValue('--canvas').trim()) read.set(dark, colours);
  return colours;
}
