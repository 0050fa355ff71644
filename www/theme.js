// The page's theme colours as drawing reads them, from the CSS custom properties of the root.

export function themeColours() {
  const css = getComputedStyle(document.documentElement);
  const read = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: read('--canvas', '#fff'),
    ink: read('--ink', '#111'),
    muted: read('--muted', '#555'),
    focusRing: read('--focus', '#000'),
    accent: read('--accent', '#0063a6'),
    font: read('--font', 'sans-serif'),
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
  };
}
