// The WebGL backend's ties: one instanced quad per line of a scene's tie batches, the kind's dash and the anti-aliased edges computed per fragment from the distance along and across the line.

import { program, rgba, instanceBuffer, quad } from './gl-util.js';

const VERTEX = `#version 300 es
in vec2 corner;   // (0 or 1 along the line, -1 or 1 across it)
in vec4 ends;     // x1, y1, x2, y2 in CSS pixels of the view
uniform vec2 size;
uniform float dpr, halfWidth;
out float along, across, len;
void main() {
  vec2 d = ends.zw - ends.xy;
  float l = length(d);
  vec2 t = l > 0.0 ? d / l : vec2(1.0, 0.0);
  float pad = 1.0 / dpr;  // one device pixel of room for the anti-aliased edge
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

/** The ties' program and instance buffer on context `gl`. */
export function makeTies(gl) {
  const p = program(gl, VERTEX, FRAGMENT);
  const u = p.uniforms;
  const corners = quad(gl, [0, -1, 1, -1, 0, 1, 1, 1]);
  const instances = instanceBuffer(gl);
  const vao = gl.createVertexArray();
  const ends = p.attribute('ends');
  gl.bindVertexArray(vao);
  gl.bindBuffer(gl.ARRAY_BUFFER, corners);
  gl.enableVertexAttribArray(p.attribute('corner'));
  gl.vertexAttribPointer(p.attribute('corner'), 2, gl.FLOAT, false, 0, 0);
  gl.enableVertexAttribArray(ends);
  gl.vertexAttribDivisor(ends, 1);
  gl.bindVertexArray(null);

  return {
    /** Draws `batches` (scene.js tie batches: `{xy, colour, alpha, width, dash}`), each line of
     *  `xy` [x1, y1, x2, y2] one instance, at `size` CSS pixels and `dpr` device pixels per CSS pixel. */
    draw(batches, size, dpr) {
      let floats = 0;
      for (const b of batches) floats += b.xy.length;
      if (floats === 0) return;
      gl.useProgram(p.program);
      gl.bindVertexArray(vao);
      instances.reserve(floats);
      const offsets = [];
      let at = 0;
      for (const b of batches) {
        gl.bufferSubData(gl.ARRAY_BUFFER, at * 4, b.xy);
        offsets.push(at);
        at += b.xy.length;
      }
      gl.uniform2f(u.size, size[0], size[1]);
      gl.uniform1f(u.dpr, dpr);
      batches.forEach((b, k) => {
        if (b.xy.length === 0) return;
        const [r, g, bl, a] = rgba(b.colour);
        const o = b.alpha * a;
        gl.uniform4f(u.colour, r * o, g * o, bl * o, o);
        gl.uniform1f(u.halfWidth, b.width / 2);
        const dash = [0, 0, 0, 0];
        (b.dash.length % 2 ? [...b.dash, ...b.dash] : b.dash).slice(0, 4).forEach((x, k) => { dash[k] = x; });
        gl.uniform4fv(u.dash, dash);
        gl.uniform1f(u.period, dash[0] + dash[1] + dash[2] + dash[3]);
        gl.vertexAttribPointer(ends, 4, gl.FLOAT, false, 0, offsets[k] * 4);
        gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, b.xy.length / 4);
      });
      gl.bindVertexArray(null);
    },
  };
}
