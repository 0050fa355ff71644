// The WebGL backend's actors and single-source rings: one point sprite each (a quad when too large for a point), the type's shape (circle, square, triangle) from a signed distance, filled, outlined and anti-aliased per fragment, in programs made for each shape.

import { program, rgba, itemBuffer } from './gl-util.js';

/** How far each shape reaches, in radii: the square's half side, the triangle's apex. */
const REACH = { circle: 1, square: 0.88, triangle: 1.15 };

// `frame` maps device pixels to clip space: the viewport reaches `margin` device pixels past the
// canvas on every side, so that a point whose centre is just off the canvas (which the clipper
// drops whole) still draws its part on it.
const head = (points) => `#version 300 es
in vec3 xyr;  // centre and radius in CSS pixels${points ? '' : ', the same at the quad\'s four corners'}
uniform vec2 size;
uniform float dpr, halfWidth, reach, margin;
flat out float radius;
${points ? 'flat out float extent;' : 'out vec2 local;'}
void main() {
  radius = xyr.z;
  // The shape's reach, its outline, and half a device pixel, where the anti-aliased edge's
  // coverage reaches 0.
  float e = radius * reach + halfWidth + 0.5 / dpr;
  vec2 p = xyr.xy;
`;
const VERTEX = {
  points: `${head(true)}  extent = e;
  gl_PointSize = 2.0 * e * dpr;
  vec2 c = (p * dpr + margin) / (size * dpr + 2.0 * margin) * 2.0 - 1.0;
  gl_Position = vec4(c.x, -c.y, 0.0, 1.0);
}`,
  quads: `${head(false)}  int k = gl_VertexID % 4;
  local = vec2((k & 1) * 2 - 1, (k >> 1) * 2 - 1) * e;
  vec2 c = ((p + local) * dpr + margin) / (size * dpr + 2.0 * margin) * 2.0 - 1.0;
  gl_Position = vec4(c.x, -c.y, 0.0, 1.0);
}`,
};

// The shapes are those of render.js shapePath; the triangle's distance is Inigo Quilez's.
const DISTANCE = {
  circle: 'length(local) - r',
  square: 'sdSquare(local, 0.88 * r)',
  triangle: 'sdTriangle(local, vec2(0.0, -1.15 * r), vec2(1.05 * r, 0.7 * r), vec2(-1.05 * r, 0.7 * r))',
};

/** The fragment shader of one shape, for points (the position in the sprite from gl_PointCoord,
 *  whose origin is its top left, as the page's y runs down) or quads. */
function fragment(shape, points) {
  return `#version 300 es
precision highp float;
flat in float radius;
${points ? 'flat in float extent;' : 'in vec2 local;'}
uniform float dpr, halfWidth;
uniform vec4 fill, stroke;  // straight RGB; the opacity is alpha
uniform float alpha;
out vec4 outColour;
float sdSquare(vec2 p, float h) {
  vec2 q = abs(p) - vec2(h);
  return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0);
}
float sdTriangle(vec2 p, vec2 p0, vec2 p1, vec2 p2) {
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
  ${points ? 'vec2 local = (gl_PointCoord * 2.0 - 1.0) * extent;' : ''}
  float r = radius;
  float d = ${DISTANCE[shape] ?? DISTANCE.circle};
  float outer = clamp((halfWidth - d) * dpr + 0.5, 0.0, 1.0);
  float inner = clamp((-halfWidth - d) * dpr + 0.5, 0.0, 1.0);
  outColour = vec4(mix(stroke.rgb, fill.rgb, inner), 1.0) * outer * alpha;
}`;
}

/** The actors' programs (per shape, for points and for quads, each made when first needed) and
 *  vertices on context `gl`. */
export function makeActors(gl) {
  const locations = { xyr: 0 };
  const programs = new Map();
  const programFor = (shape, points) => {
    const key = `${shape} ${points}`;
    if (!programs.has(key)) programs.set(key, program(gl, VERTEX[points ? 'points' : 'quads'], fragment(shape, points), locations));
    return programs.get(key);
  };
  programFor('circle', true);
  const [, largestPoint] = gl.getParameter(gl.ALIASED_POINT_SIZE_RANGE) ?? [1, 1];
  const [viewportW, viewportH] = gl.getParameter(gl.MAX_VIEWPORT_DIMS) ?? [0, 0];
  const buffers = {};
  const bufferFor = (points) => {
    const key = points ? 'points' : 'quads';
    if (!buffers[key]) {
      const vao = gl.createVertexArray();
      buffers[key] = { vao, items: itemBuffer(gl, vao, locations.xyr, 3, points ? 1 : 4) };
    }
    return buffers[key];
  };

  return {
    /** Draws scene.js ring batches (`{r, fill, stroke, width, alpha, xy}`, [x, y] per ring, circles),
     *  then actor batches (`{shape, fill, stroke, width, alpha, xyr}`, [x, y, r] per actor), on a
     *  canvas of `size` CSS pixels at `dpr` device pixels per CSS pixel. */
    draw(actors, rings, size, dpr) {
      const ringItems = rings.filter((b) => b.xy.length > 0), actorItems = actors.filter((b) => b.xyr.length > 0);
      if (ringItems.length + actorItems.length === 0) return;
      // The largest item's reach in device pixels: points when its sprite is not too large.
      let reach = 0;
      for (const b of ringItems) reach = Math.max(reach, b.r + b.width / 2);
      for (const b of actorItems) {
        let r = 0;
        for (let i = 2; i < b.xyr.length; i += 3) r = Math.max(r, b.xyr[i]);
        reach = Math.max(reach, r * (REACH[b.shape] ?? 1) + b.width / 2);
      }
      const margin = Math.ceil((reach + 1) * dpr);
      const w = gl.drawingBufferWidth, h = gl.drawingBufferHeight;
      const points = 2 * margin <= largestPoint && w + 2 * margin <= viewportW && h + 2 * margin <= viewportH;
      const { vao, items } = bufferFor(points);
      gl.viewport(-margin, -margin, w + 2 * margin, h + 2 * margin);
      gl.bindVertexArray(vao);
      const firsts = items.upload([...ringItems.map((b) => ({ data: b.xy, stride: 2, rest: b.r })), ...actorItems.map((b) => b.xyr)]);
      [...ringItems, ...actorItems].forEach((b, k) => {
        const ring = k < ringItems.length;
        const shape = ring || !REACH[b.shape] ? 'circle' : b.shape;
        const { program: p, uniforms: u } = programFor(shape, points);
        gl.useProgram(p);
        gl.uniform2f(u.size, size[0], size[1]);
        gl.uniform1f(u.dpr, dpr);
        gl.uniform1f(u.margin, margin);
        gl.uniform1f(u.reach, REACH[shape]);
        gl.uniform1f(u.halfWidth, b.width / 2);
        gl.uniform4fv(u.fill, rgba(b.fill));
        gl.uniform4fv(u.stroke, rgba(b.stroke));
        gl.uniform1f(u.alpha, b.alpha);
        items.draw(firsts[k], (ring ? b.xy.length / 2 : b.xyr.length / 3));
      });
      gl.bindVertexArray(null);
      gl.viewport(0, 0, w, h);
    },
  };
}
