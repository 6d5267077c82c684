import { InvalidFrameError } from '../errors';
import type { Frame, FrameData } from '../types';
import type { WorkerFrame } from './protocol';

/** What `createImageBitmap()` takes; `VideoFrame` where the browser has it. */
type BitmapSource = Parameters<typeof createImageBitmap>[0];

const isTensor = (frame: object): frame is { shape: number[]; dtype: string; data(): Promise<ArrayLike<number>> } => 'shape' in frame && 'dtype' in frame && typeof (frame as { data?: unknown }).data === 'function';

const isFrameData = (frame: object): frame is FrameData => 'data' in frame && 'width' in frame && 'height' in frame && ArrayBuffer.isView((frame as FrameData).data);

/**
 * A frame as it crosses to the worker, and what to transfer: a video, image, canvas, `ImageData`,
 * `VideoFrame` or `ImageBitmap` becomes a new `ImageBitmap` (the caller's own bitmap is never
 * detached); raw pixels and tensors are copied into a buffer that is transferred. Anything else
 * crosses as it is, and the worker's detector rejects it with `InvalidFrameError`, as on the
 * main thread.
 */
export async function toWorkerFrame(frame: Frame): Promise<{ frame: WorkerFrame; transfer: Transferable[] }> {
  if (typeof frame !== 'object' || frame === null) return { frame: frame as unknown as WorkerFrame, transfer: [] };
  if (isFrameData(frame)) {
    // Fields read one by one: ImageData's width and height are getters, which a spread would drop.
    const data = new Uint8ClampedArray(frame.data);
    const { width, height, channels } = frame;
    return { frame: { data, width, height, ...(channels === undefined ? {} : { channels }) }, transfer: [data.buffer] };
  }
  if (isTensor(frame)) {
    const [height = 0, width = 0, channels = 0] = frame.shape;
    if (frame.shape.length !== 3 || channels !== 3) throw new InvalidFrameError(`A tensor frame must have shape [height, width, 3], got [${frame.shape.join(', ')}].`, { expected: '[height, width, 3]', received: `[${frame.shape.join(', ')}]` });
    const data = Uint8ClampedArray.from(await frame.data());
    return { frame: { data, width, height, channels: 3 }, transfer: [data.buffer] };
  }
  if (typeof createImageBitmap !== 'function') return { frame: frame as unknown as WorkerFrame, transfer: [] };
  try {
    const bitmap = await createImageBitmap(frame as BitmapSource);
    return { frame: bitmap, transfer: [bitmap] };
  } catch (error) {
    const received = (frame as object).constructor?.name ?? typeof frame;
    throw new InvalidFrameError(`Could not read the frame (${received}) into an ImageBitmap for the worker: ${error instanceof Error ? error.message : String(error)}. A <video> needs a current frame (readyState ≥ 2).`, { expected: 'a readable image source', received });
  }
}
