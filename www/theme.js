// The page's theme colours as drawing reads them, from the CSS custom properties of the root.

export function themeColours() {
  const css = getComputedStyle(document.documentElement);
  return {
    background: css.getPropertyValue('--canvas').trim() || '#fff',
    ink: css.getPropertyValue('--ink').trim() || '#111',
    focusRing: css.getPropertyValue('--focus').trim() || '#000',
    font: css.getPropertyValue('--font').trim() || 'sans-serif',
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
  };
}
