// WebGL2 helpers for the WebGL backend: a program from two shader sources, CSS colours as RGBA, the vertices of a frame's quads and points.

/** Links a program from vertex and fragment sources, its attributes at `locations` ({name: index})
 *  so that programs can share a vertex array; throws with the compiler's log. */
export function program(gl, vertex, fragment, locations = {}) {
  const p = gl.createProgram();
  for (const [type, source] of [[gl.VERTEX_SHADER, vertex], [gl.FRAGMENT_SHADER, fragment]]) {
    const s = gl.createShader(type);
    gl.shaderSource(s, source);
    gl.compileShader(s);
    if (!gl.getShaderParameter(s, gl.COMPILE_STATUS) && !gl.isContextLost()) throw new Error(`shader: ${gl.getShaderInfoLog(s)}`);
    gl.attachShader(p, s);
    gl.deleteShader(s);
  }
  for (const [name, index] of Object.entries(locations)) gl.bindAttribLocation(p, index, name);
  gl.linkProgram(p);
  if (!gl.getProgramParameter(p, gl.LINK_STATUS) && !gl.isContextLost()) throw new Error(`program: ${gl.getProgramInfoLog(p)}`);
  const uniforms = {};
  const count = gl.getProgramParameter(p, gl.ACTIVE_UNIFORMS) ?? 0;
  for (let k = 0; k < count; k++) {
    const { name } = gl.getActiveUniform(p, k);
    uniforms[name] = gl.getUniformLocation(p, name);
  }
  return { program: p, uniforms, attribute: (name) => gl.getAttribLocation(p, name) };
}

let parser = null;
const parsed = new Map();

/** A CSS colour as [r, g, b, a] in 0..1, as a 2D canvas reads it (names, hex, rgb(), hsl()…). */
export function rgba(css) {
  let out = parsed.get(css);
  if (out) return out;
  parser ??= (typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1) : document.createElement('canvas')).getContext('2d');
  parser.fillStyle = '#000';
  parser.fillStyle = css;
  const s = String(parser.fillStyle);
  if (s.startsWith('#')) {
    out = [1, 3, 5].map((k) => parseInt(s.slice(k, k + 2), 16) / 255).concat(1);
  } else {
    const n = s.slice(s.indexOf('(') + 1, s.indexOf(')')).split(',').map(Number);
    out = [n[0] / 255, n[1] / 255, n[2] / 255, n.length > 3 ? n[3] : 1];
  }
  if (parsed.size > 256) parsed.clear();
  parsed.set(css, out);
  return out;
}

/**
 * The vertices of a frame's items: each item of the batches (`components` floats) written once
 * per vertex of its primitive (`corners`: 4 for a quad of two triangles, 1 for a point) into one
 * scratch array reused from frame to frame, and for quads the shared indices (two triangles per
 * quad) in the vertex array `vao`. Instancing would upload the scene's arrays as they are, but
 * SwiftShader runs an instanced draw as one draw per instance (724 ms against 105 ms for 30,000
 * ties, bench/render-webgl.mjs); the four copies cost a few ms. The vertex shader takes a quad's
 * corner from `gl_VertexID % 4`.
 */
export function itemBuffer(gl, vao, attribute, components, corners = 4) {
  const vertices = gl.createBuffer(), indices = corners === 4 ? gl.createBuffer() : null;
  let scratch = new Float32Array(0), quads = 0, capacity = 0;
  gl.bindVertexArray(vao);
  if (indices) gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indices);
  gl.bindBuffer(gl.ARRAY_BUFFER, vertices);
  gl.enableVertexAttribArray(attribute);
  gl.vertexAttribPointer(attribute, components, gl.FLOAT, false, 0, 0);
  gl.bindVertexArray(null);
  return {
    /** Writes the items of `arrays` (Float32Arrays of `components` floats per item, or of
     *  `{data, stride, rest}`: `stride` floats per item, the missing components `rest`, e.g. a
     *  ring's radius) and returns each array's first item. */
    upload(arrays) {
      const parts = arrays.map((a) => (a instanceof Float32Array ? { data: a, stride: components, rest: 0 } : a));
      let count = 0;
      for (const { data, stride } of parts) count += data.length / stride;
      if (scratch.length < corners * components * count) scratch = new Float32Array(Math.ceil(corners * components * count * 1.25));
      if (indices && count > quads) {
        quads = Math.ceil(count * 1.25);
        const index = new Uint32Array(6 * quads);
        for (let q = 0; q < quads; q++) index.set([4 * q, 4 * q + 1, 4 * q + 2, 4 * q + 2, 4 * q + 1, 4 * q + 3], 6 * q);
        gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indices); // bound to the vertex array
        gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, index, gl.STATIC_DRAW);
      }
      const firsts = [];
      let o = 0, q = 0;
      for (const { data, stride, rest } of parts) {
        firsts.push(q);
        if (stride === components) {
          if (corners === 1) {
            scratch.set(data, o);
            o += data.length;
          } else if (components === 4) {
            // Unrolled: at 100,000 ties, about 4 ms against 10 to 25 ms for the loops below.
            for (let i = 0; i < data.length; i += 4) {
              const a = data[i], b = data[i + 1], c = data[i + 2], d = data[i + 3];
              for (let corner = 0; corner < corners; corner++) {
                scratch[o++] = a; scratch[o++] = b; scratch[o++] = c; scratch[o++] = d;
              }
            }
          } else {
            for (let i = 0; i < data.length; i += stride) {
              for (let corner = 0; corner < corners; corner++) {
                for (let c = 0; c < components; c++) scratch[o++] = data[i + c];
              }
            }
          }
          q += data.length / stride;
          continue;
        }
        for (let i = 0; i < data.length; i += stride, q++) {
          for (let corner = 0; corner < corners; corner++) {
            for (let c = 0; c < components; c++) scratch[o++] = c < stride ? data[i + c] : rest;
          }
        }
      }
      gl.bindBuffer(gl.ARRAY_BUFFER, vertices);
      // The buffer is made again only when it grows (to the scratch array's size); else rewritten.
      if (o > capacity) {
        capacity = scratch.length;
        gl.bufferData(gl.ARRAY_BUFFER, scratch.byteLength, gl.DYNAMIC_DRAW);
      }
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, scratch, 0, o);
      return firsts;
    },
    /** Draws `count` items from item `first`: quads, or points. */
    draw(first, count) {
      if (indices) gl.drawElements(gl.TRIANGLES, 6 * count, gl.UNSIGNED_INT, 6 * 4 * first);
      else gl.drawArrays(gl.POINTS, first, count);
    },
  };
}
