import * as tf from '@tensorflow/tfjs-core';

/**
 * Calls `onLost` once when the running WebGL backend's context is lost (`webglcontextlost`);
 * returns the function that stops watching. Does nothing when the backend is not WebGL.
 */
export function watchWebGLContext(onLost: () => void): () => void {
  if (tf.getBackend() !== 'webgl') return () => {};
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } }).gpgpu?.gl;
  const canvas = gl?.canvas as (HTMLCanvasElement | OffscreenCanvas) | undefined;
  if (!canvas || typeof canvas.addEventListener !== 'function') return () => {};
  let done = false;
  const listener = () => {
    if (done) return;
    done = true;
    canvas.removeEventListener('webglcontextlost', listener);
    onLost();
  };
  canvas.addEventListener('webglcontextlost', listener);
  return () => {
    done = true;
    canvas.removeEventListener('webglcontextlost', listener);
  };
}

/** Whether the running backend is WebGL and its context is lost (the `webglcontextlost` event may not have fired yet). */
export function isWebGLContextLost(): boolean {
  if (tf.getBackend() !== 'webgl') return false;
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } }).gpgpu?.gl;
  return typeof gl?.isContextLost === 'function' && gl.isContextLost();
}

const newCanvas = () => (typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas')) as HTMLCanvasElement;

/** Whether a WebGL2 context can be made here at all (no GPU and no software renderer: `false`). */
export function hasWebGL2(): boolean {
  try {
    const gl = newCanvas().getContext('webgl2');
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
}

/** Renderer names of WebGL implemented on the CPU. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * Why WebGL2 here is software-rendered (SwiftShader, llvmpipe, a "Software" renderer, or a context
 * with a major performance caveat), or `null` when it runs on a GPU or does not exist.
 */
export function softwareWebGL(): string | null {
  let gl: WebGL2RenderingContext | null = null;
  try {
    gl = newCanvas().getContext('webgl2', { failIfMajorPerformanceCaveat: false });
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    if (SOFTWARE_RENDERER.test(renderer)) return `renderer '${renderer}'`;
    const strict = newCanvas().getContext('webgl2', { failIfMajorPerformanceCaveat: true });
    if (!strict) return 'the context has a major performance caveat';
    strict.getExtension('WEBGL_lose_context')?.loseContext();
    return null;
  } catch {
    return null;
  } finally {
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
