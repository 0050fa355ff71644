// Starts reading the dataset that ?data= names while the page's modules and its wasm core load:
// a classic script, run as soon as it arrives, long before main.js. guard.js' fetchDataset takes
// the response over (once, for the same address); its rules still decide what is read, and a
// request refused here is simply made again there, with its message.
{
  const value = new URLSearchParams(location.search).get('data');
  let url = null;
  try {
    url = value ? new URL(value, location.href) : null;
  } catch {
    url = null; // not a URL: guard.js says so
  }
  if (url && url.origin === location.origin) {
    window.ententeEarlyData = { href: url.href, response: fetch(url.href, { credentials: 'same-origin' }).catch(() => null) };
  }
}
