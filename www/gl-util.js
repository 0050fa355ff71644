// WebGL2 helpers for the WebGL backend: a program from two shader sources, CSS colours as premultiplied RGBA, a growing instance buffer.

/** Links a program from vertex and fragment sources; throws with the compiler's log. */
export function program(gl, vertex, fragment) {
  const p = gl.createProgram();
  for (const [type, source] of [[gl.VERTEX_SHADER, vertex], [gl.FRAGMENT_SHADER, fragment]]) {
    const s = gl.createShader(type);
    gl.shaderSource(s, source);
    gl.compileShader(s);
    if (!gl.getShaderParameter(s, gl.COMPILE_STATUS) && !gl.isContextLost()) throw new Error(`shader: ${gl.getShaderInfoLog(s)}`);
    gl.attachShader(p, s);
    gl.deleteShader(s);
  }
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

/** An ARRAY_BUFFER of instance data that grows to what a frame needs and never shrinks. */
export function instanceBuffer(gl) {
  const buffer = gl.createBuffer();
  let capacity = 0;
  return {
    buffer,
    /** Makes room for `floats` floats (bound as ARRAY_BUFFER afterwards). */
    reserve(floats) {
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      if (floats > capacity) {
        capacity = Math.max(floats, Math.ceil(capacity * 1.5), 1024);
        gl.bufferData(gl.ARRAY_BUFFER, capacity * 4, gl.DYNAMIC_DRAW);
      }
    },
  };
}

/** The unit quad as a triangle strip, the one vertex buffer every instanced draw shares. */
export function quad(gl, corners) {
  const b = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, b);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array(corners), gl.STATIC_DRAW);
  return b;
}
