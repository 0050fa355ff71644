// The WebGL backend's actors and single-source rings: one instanced quad each, the type's shape (circle, square, triangle) from a signed distance, filled, outlined and anti-aliased per fragment.

import { program, rgba, instanceBuffer, quad } from './gl-util.js';

/** Shape numbers of the fragment shader. */
const SHAPES = { circle: 0, square: 1, triangle: 2 };

const VERTEX = `#version 300 es
in vec2 corner;   // (-1 or 1, -1 or 1)
in vec3 xyr;      // centre and radius in CSS pixels (rings: radius 0, see fixedR)
uniform vec2 size;
uniform float dpr, halfWidth, fixedR;
out vec2 local;
flat out float radius;
void main() {
  radius = fixedR > 0.0 ? fixedR : xyr.z;
  float extent = radius * 1.2 + halfWidth + 1.0 / dpr;  // the triangle reaches 1.15 r
  local = corner * extent;
  vec2 c = (xyr.xy + local) / size * 2.0 - 1.0;
  gl_Position = vec4(c.x, -c.y, 0.0, 1.0);
}`;

// The shapes are those of render.js shapePath; the triangle's distance is Inigo Quilez's.
const FRAGMENT = `#version 300 es
precision highp float;
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

/** The actors' program and instance buffer on context `gl`. */
export function makeActors(gl) {
  const p = program(gl, VERTEX, FRAGMENT);
  const u = p.uniforms;
  const corners = quad(gl, [-1, -1, 1, -1, -1, 1, 1, 1]);
  const instances = instanceBuffer(gl);
  const vao = gl.createVertexArray();
  const xyr = p.attribute('xyr');
  gl.bindVertexArray(vao);
  gl.bindBuffer(gl.ARRAY_BUFFER, corners);
  gl.enableVertexAttribArray(p.attribute('corner'));
  gl.vertexAttribPointer(p.attribute('corner'), 2, gl.FLOAT, false, 0, 0);
  gl.enableVertexAttribArray(xyr);
  gl.vertexAttribDivisor(xyr, 1);
  gl.bindVertexArray(null);

  return {
    /** Draws scene.js actor batches (`{shape, fill, stroke, width, alpha, xyr}`, [x, y, r] per
     *  actor) and ring batches (`{r, fill, stroke, width, alpha, xy}`, [x, y] per ring, circles),
     *  the rings first. */
    draw(actors, rings, size, dpr) {
      const all = [...rings.map((b) => ({ b, data: b.xy, stride: 2 })), ...actors.map((b) => ({ b, data: b.xyr, stride: 3 }))];
      let floats = 0;
      for (const x of all) floats += x.data.length;
      if (floats === 0) return;
      gl.useProgram(p.program);
      gl.bindVertexArray(vao);
      instances.reserve(floats);
      let at = 0;
      for (const x of all) {
        gl.bufferSubData(gl.ARRAY_BUFFER, at * 4, x.data);
        x.offset = at; // a record of this draw, not of the scene
        at += x.data.length;
      }
      gl.uniform2f(u.size, size[0], size[1]);
      gl.uniform1f(u.dpr, dpr);
      for (const { b, data, stride, offset } of all) {
        if (data.length === 0) continue;
        const ring = stride === 2;
        gl.uniform1i(u.shape, ring ? SHAPES.circle : SHAPES[b.shape] ?? SHAPES.circle);
        gl.uniform1f(u.fixedR, ring ? b.r : 0);
        gl.uniform1f(u.halfWidth, b.width / 2);
        gl.uniform4fv(u.fill, rgba(b.fill));
        gl.uniform4fv(u.stroke, rgba(b.stroke));
        gl.uniform1f(u.alpha, b.alpha);
        gl.vertexAttribPointer(xyr, stride, gl.FLOAT, false, 0, offset * 4);
        gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, data.length / stride);
      }
      gl.bindVertexArray(null);
    },
  };
}
