// Starts reading the dataset that ?data= names while the page's modules and its wasm core load:
// a classic script, deferred and fetched at high priority, so it runs as soon as the document is
// parsed and always before main.js (deferred scripts and modules run in document order; as an
// async script it could come after main.js on a busy machine, which then fetched the dataset a
// second time). guard.js' fetchDataset takes the response over (once, for the same address);
// its rules still decide what is read, and a request refused here (or a body that could not be
// read) is simply made again there, with its message. Then, while the page still waits for its modules, it reads the name of
// WebGL2's renderer (a GPU's or a CPU rasteriser's, which decides whether a large picture is
// drawn with WebGL: backend.js), so that the first frame of a large dataset does not make a
// WebGL context of its own.
{
  const value = new URLSearchParams(location.search).get('data');
  let url = null;
  try {
    url = value ? new URL(value, location.href) : null;
  } catch {
    url = null; // not a URL: guard.js says so
  }
  if (url && url.origin === location.origin) {
    const response = fetch(url.href, { credentials: 'same-origin' }).catch(() => null);
    // The body is read at once: left unread, it waits in the browser's network process (a
    // pipe of some hundreds of KB) until main.js asks, and crossing then cost 30 ms at 2 MB.
    const body = response.then((r) => (r?.ok ? r.arrayBuffer() : null)).catch(() => null);
    window.ententeEarlyData = { href: url.href, response, body };
  }
}
if (new URLSearchParams(location.search).has('data')) {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    let name = null; // no WebGL2
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
    window.ententeEarlyRenderer = { name };
  } catch {
    // backend.js asks again when it needs to.
  }
}
