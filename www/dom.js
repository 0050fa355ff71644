// Making elements: el(tag, class name or properties, ...children), children as nodes or text (never markup); the live region.

/**
 * @param {string} tag
 * @param {string | object | null} [props] a class name, or properties to assign (`{id, type, hidden}`)
 * @param {...(Node | string | null | undefined)} children appended in order; strings as text
 */
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  if (typeof props === 'string') node.className = props;
  else if (props) Object.assign(node, props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/** `n` with a comma between thousands, as `toLocaleString('en')` writes an integer, without the
 *  locale data that its first call loads (20–80 ms in the middle of opening a dataset). */
export const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Says `text` in the live region (read by screen readers). */
export function announce(text) {
  document.getElementById('announce').textContent = text;
}
