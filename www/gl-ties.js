// The WebGL backend's ties: one quad per line of a scene's tie batches, the anti-aliased long edges from one varying and the kind's dash from the distance along the line, in a fragment shader made for that dash.

import { program, rgba, itemBuffer } from './gl-util.js';

// The quad is the line's length by its width plus half a device pixel on each side, where the
// anti-aliased edge's coverage reaches 0. `v.x` is the distance from the line's middle in device
// pixels, `v.y` the distance along it in CSS pixels. The ends are not anti-aliased: a tie ends at
// an actor's centre, under its disc.
const VERTEX = `#version 300 es
in vec4 ends;  // x1, y1, x2, y2 in CSS pixels of the view, the same at the quad's four corners
uniform vec2 size;
uniform float dpr, halfWidth;
out vec2 v;
void main() {
  int k = gl_VertexID % 4;
  vec2 corner = vec2(k & 1, (k >> 1) * 2 - 1);  // (0 or 1 along the line, -1 or 1 across it)
  vec2 d = ends.zw - ends.xy;
  float l = length(d);
  vec2 t = l > 0.0 ? d / l : vec2(1.0, 0.0);
  float across = corner.y * (halfWidth + 0.5 / dpr);
  v = vec2(across * dpr, corner.x * l);
  vec2 c = (ends.xy + t * v.y + vec2(-t.y, t.x) * across) / size * 2.0 - 1.0;
  gl_Position = vec4(c.x, -c.y, 0.0, 1.0);
}`;

/** A number as a GLSL float literal. */
const literal = (x) => (Number.isFinite(x) ? x : 0).toFixed(4);

/**
 * The fragment shader of one dash pattern (CSS pixels, as a canvas's setLineDash takes it; [] for
 * a solid line), its lengths written into the source: SwiftShader, a rasteriser on the CPU, runs
 * every instruction for every fragment, and a solid line then has no dash maths at all. The dash
 * restarts at each line's start, as a canvas restarts it at each subpath.
 */
export function tieFragment(dash) {
  const d = (dash.length % 2 ? [...dash, ...dash] : [...dash]).slice(0, 4).map(Number);
  const period = d.reduce((a, x) => a + x, 0);
  let body = '';
  if (period > 0) {
    // Distance inside the nearest dash (negative in a gap), the wrap to the next period included.
    body = `float d = mod(v.y, ${literal(period)});
  float on = max(min(d, ${literal(d[0])} - d), d - ${literal(period)});`;
    if (d.length > 2 && d[2] > 0) body += `\n  on = max(on, min(d - ${literal(d[0] + d[1])}, ${literal(d[0] + d[1] + d[2])} - d));`;
    body += '\n  c *= clamp(on * dpr + 0.5, 0.0, 1.0);';
  }
  return `#version 300 es
precision highp float;
in vec2 v;
uniform float dpr, edge;  // edge: half the width in device pixels, plus a half
uniform vec4 colour;      // premultiplied, with the batch's opacity
out vec4 outColour;
void main() {
  float c = clamp(edge - abs(v.x), 0.0, 1.0);
  ${body}
  outColour = colour * c;
}`;
}

/** The ties' programs (one per dash pattern met, made when first met) and vertices on context `gl`. */
export function makeTies(gl) {
  const programs = new Map();
  const locations = { ends: 0 };  // the same in every program, which share the vertex array
  programs.set('', program(gl, VERTEX, tieFragment([]), locations));
  const vao = gl.createVertexArray();
  const quads = itemBuffer(gl, vao, locations.ends, 4);
  const programFor = (dash) => {
    const key = dash.join(',');
    let p = programs.get(key);
    if (!p) {
      // A few kinds, a few patterns; past that, the oldest is made again when met again.
      if (programs.size > 16) {
        const [oldest] = [...programs.keys()].filter((k) => k !== '');
        gl.deleteProgram(programs.get(oldest).program);
        programs.delete(oldest);
      }
      p = program(gl, VERTEX, tieFragment(dash), locations);
      programs.set(key, p);
    }
    return p;
  };

  return {
    /** Draws `batches` (scene.js tie batches: `{xy, colour, alpha, width, dash}`), each line of
     *  `xy` [x1, y1, x2, y2] one quad, at `size` CSS pixels and `dpr` device pixels per CSS pixel. */
    draw(batches, size, dpr) {
      const drawn = batches.filter((b) => b.xy.length > 0);
      if (drawn.length === 0) return;
      gl.bindVertexArray(vao);
      const firsts = quads.upload(drawn.map((b) => b.xy));
      drawn.forEach((b, k) => {
        const { program: p, uniforms: u } = programFor(b.dash);
        gl.useProgram(p);
        gl.uniform2f(u.size, size[0], size[1]);
        gl.uniform1f(u.dpr, dpr);
        const [r, g, bl, a] = rgba(b.colour);
        const o = b.alpha * a;
        gl.uniform4f(u.colour, r * o, g * o, bl * o, o);
        gl.uniform1f(u.halfWidth, b.width / 2);
        gl.uniform1f(u.edge, (b.width / 2) * dpr + 0.5);
        quads.draw(firsts[k], b.xy.length / 4);
      });
      gl.bindVertexArray(null);
    },
  };
}
