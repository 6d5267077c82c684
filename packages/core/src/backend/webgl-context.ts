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
