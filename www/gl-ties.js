// The WebGL backend's ties: one quad per line of a scene's tie batches, the kind's dash and the anti-aliased edges computed per fragment from the distance along and across the line.

import { program, rgba, quadBuffer } from './gl-util.js';

const VERTEX = `#version 300 es
in vec4 ends;  // x1, y1, x2, y2 in CSS pixels of the view, the same at the quad's four corners
uniform vec2 size;
uniform float dpr, halfWidth;
out float along, across, len;
void main() {
  int k = gl_VertexID % 4;
  vec2 corner = vec2(k & 1, (k >> 1) * 2 - 1);  // (0 or 1 along the line, -1 or 1 across it)
  vec2 d = ends.zw - ends.xy;
  float l = length(d);
  vec2 t = l > 0.0 ? d / l : vec2(1.0, 0.0);
  float pad = 0.5 / dpr;  // half a device pixel: where the anti-aliased edge's coverage reaches 0
  along = corner.x * (l + 2.0 * pad) - pad;
  across = corner.y * (halfWidth + pad);
  len = l;
  vec2 p = ends.xy + t * along + vec2(-t.y, t.x) * across;
  vec2 c = p / size * 2.0 - 1.0;
  gl_Position = vec4(c.x, -c.y, 0.0, 1.0);
}`;

// The dash restarts at each line's start, as a canvas restarts it at each subpath.
const FRAGMENT = `#version 300 es
precision highp float;
in float along, across, len;
uniform float dpr, halfWidth, period;
uniform vec4 dash;    // on, off, on, off in CSS pixels; period 0: a solid line
uniform vec4 colour;  // premultiplied, with the batch's opacity
out vec4 outColour;
float cover(float inside) { return clamp(inside * dpr + 0.5, 0.0, 1.0); }
void main() {
  float c = cover(halfWidth - abs(across)) * cover(along) * cover(len - along);
  if (period > 0.0) {
    float d = mod(along, period);
    float second = dash.x + dash.y;
    float on = max(min(d, dash.x - d), d - period);
    if (dash.z > 0.0) on = max(on, min(d - second, second + dash.z - d));
    c *= cover(on);
  }
  if (c <= 0.0) discard;
  outColour = colour * c;
}`;

/** The ties' program and vertices on context `gl`. */
export function makeTies(gl) {
  const p = program(gl, VERTEX, FRAGMENT);
  const u = p.uniforms;
  const vao = gl.createVertexArray();
  const quads = quadBuffer(gl, vao, p.attribute('ends'), 4);

  return {
    /** Draws `batches` (scene.js tie batches: `{xy, colour, alpha, width, dash}`), each line of
     *  `xy` [x1, y1, x2, y2] one quad, at `size` CSS pixels and `dpr` device pixels per CSS pixel. */
    draw(batches, size, dpr) {
      const drawn = batches.filter((b) => b.xy.length > 0);
      if (drawn.length === 0) return;
      gl.useProgram(p.program);
      gl.bindVertexArray(vao);
      const firsts = quads.upload(drawn.map((b) => b.xy));
      gl.uniform2f(u.size, size[0], size[1]);
      gl.uniform1f(u.dpr, dpr);
      drawn.forEach((b, k) => {
        const [r, g, bl, a] = rgba(b.colour);
        const o = b.alpha * a;
        gl.uniform4f(u.colour, r * o, g * o, bl * o, o);
        gl.uniform1f(u.halfWidth, b.width / 2);
        const dash = [0, 0, 0, 0];
        (b.dash.length % 2 ? [...b.dash, ...b.dash] : b.dash).slice(0, 4).forEach((x, j) => { dash[j] = x; });
        gl.uniform4fv(u.dash, dash);
        gl.uniform1f(u.period, dash[0] + dash[1] + dash[2] + dash[3]);
        quads.draw(firsts[k], b.xy.length / 4);
      });
      gl.bindVertexArray(null);
    },
  };
}
