// Whether a WebGL2 context runs on a GPU or on a rasteriser on the CPU (SwiftShader, llvmpipe), from its renderer's name.

/** The renderer names of WebGL on the CPU. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software/i;

/** Whether a renderer of this name draws on the CPU. */
export const softwareRenderer = (name) => SOFTWARE.test(String(name));

/** Whether `gl` draws on the CPU, by its (unmasked, where the browser tells) renderer name. The
 *  same name is read by early.js, which cannot import this module. */
export function onCpu(gl) {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return softwareRenderer(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
}
