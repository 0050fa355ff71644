// The WebGL backend's actors and single-source rings: one quad each, the type's shape (circle, square, triangle) from a signed distance, filled, outlined and anti-aliased per fragment.

import { program, rgba, quadBuffer } from './gl-util.js';

/** Shape numbers of the fragment shader. */
const SHAPES = { circle: 0, square: 1, triangle: 2 };

const VERTEX = `#version 300 es
in vec3 xyr;  // centre and radius in CSS pixels, the same at the quad's four corners
uniform vec2 size;
uniform float dpr, halfWidth;
uniform int shape;
out vec2 local;
flat out float radius;
void main() {
  int k = gl_VertexID % 4;
  vec2 corner = vec2((k & 1) * 2 - 1, (k >> 1) * 2 - 1);
  radius = xyr.z;
  // The shape's reach (the square's half side is 0.88 r, the triangle's apex 1.15 r), its outline,
  // and half a device pixel, where the anti-aliased edge's coverage reaches 0.
  float extent = radius * (shape == 1 ? 0.88 : shape == 2 ? 1.15 : 1.0) + halfWidth + 0.5 / dpr;
  local = corner * extent;
  vec2 c = (xyr.xy + local) / size * 2.0 - 1.0;
  gl_Position = vec4(c.x, -c.y, 0.0, 1.0);
}`;

// The shapes are those of render.js shapePath; the triangle's distance is Inigo Quilez's.
const FRAGMENT = `#version 300 es
precision highp float;
precision highp int;
in vec2 local;
flat in float radius;
uniform int shape;
uniform float dpr, halfWidth;
uniform vec4 fill, stroke;  // straight RGB; the opacity is alpha
uniform float alpha;
out vec4 outColour;
float triangle(vec2 p, vec2 p0, vec2 p1, vec2 p2) {
  vec2 e0 = p1 - p0, e1 = p2 - p1, e2 = p0 - p2;
  vec2 v0 = p - p0, v1 = p - p1, v2 = p - p2;
  vec2 q0 = v0 - e0 * clamp(dot(v0, e0) / dot(e0, e0), 0.0, 1.0);
  vec2 q1 = v1 - e1 * clamp(dot(v1, e1) / dot(e1, e1), 0.0, 1.0);
  vec2 q2 = v2 - e2 * clamp(dot(v2, e2) / dot(e2, e2), 0.0, 1.0);
  float s = sign(e0.x * e2.y - e0.y * e2.x);
  vec2 d = min(min(vec2(dot(q0, q0), s * (v0.x * e0.y - v0.y * e0.x)),
                   vec2(dot(q1, q1), s * (v1.x * e1.y - v1.y * e1.x))),
                   vec2(dot(q2, q2), s * (v2.x * e2.y - v2.y * e2.x)));
  return -sqrt(d.x) * sign(d.y);
}
void main() {
  float r = radius, d;
  if (shape == 1) {
    vec2 q = abs(local) - vec2(0.88 * r);
    d = length(max(q, 0.0)) + min(max(q.x, q.y), 0.0);
  } else if (shape == 2) {
    d = triangle(local, vec2(0.0, -1.15 * r), vec2(1.05 * r, 0.7 * r), vec2(-1.05 * r, 0.7 * r));
  } else {
    d = length(local) - r;
  }
  float outer = clamp((halfWidth - d) * dpr + 0.5, 0.0, 1.0);
  if (outer <= 0.0) discard;
  float inner = clamp((-halfWidth - d) * dpr + 0.5, 0.0, 1.0);
  outColour = vec4(mix(stroke.rgb, fill.rgb, inner), 1.0) * outer * alpha;
}`;

/** The actors' program and vertices on context `gl`. */
export function makeActors(gl) {
  const p = program(gl, VERTEX, FRAGMENT);
  const u = p.uniforms;
  const vao = gl.createVertexArray();
  const quads = quadBuffer(gl, vao, p.attribute('xyr'), 3);

  return {
    /** Draws scene.js ring batches (`{r, fill, stroke, width, alpha, xy}`, [x, y] per ring, circles),
     *  then actor batches (`{shape, fill, stroke, width, alpha, xyr}`, [x, y, r] per actor). */
    draw(actors, rings, size, dpr) {
      const ringItems = rings.filter((b) => b.xy.length > 0), actorItems = actors.filter((b) => b.xyr.length > 0);
      if (ringItems.length + actorItems.length === 0) return;
      gl.useProgram(p.program);
      gl.bindVertexArray(vao);
      const firsts = quads.upload([...ringItems.map((b) => ({ data: b.xy, stride: 2, rest: b.r })), ...actorItems.map((b) => b.xyr)]);
      gl.uniform2f(u.size, size[0], size[1]);
      gl.uniform1f(u.dpr, dpr);
      [...ringItems, ...actorItems].forEach((b, k) => {
        const ring = k < ringItems.length;
        gl.uniform1i(u.shape, ring ? SHAPES.circle : SHAPES[b.shape] ?? SHAPES.circle);
        gl.uniform1f(u.halfWidth, b.width / 2);
        gl.uniform4fv(u.fill, rgba(b.fill));
        gl.uniform4fv(u.stroke, rgba(b.stroke));
        gl.uniform1f(u.alpha, b.alpha);
        quads.draw(firsts[k], (ring ? b.xy.length / 2 : b.xyr.length / 3));
      });
      gl.bindVertexArray(null);
    },
  };
}
