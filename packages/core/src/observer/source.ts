import { isObservable, type Observable } from 'rxjs';
import { isFrameSource, type FrameSource } from '../sources/frame-source';
import type { ReplaySource } from '../sources/from-recording';
import { fromVideoElement, type VideoFrameProvider } from '../sources/from-video-element';
import type { TimedFrame } from '../types';

/**
 * A frame source the observer accepts: a `<video>` element (wrapped in `fromVideoElement()`), a
 * `FrameSource`, any Observable of timed frames, or a `fromRecording()` replay (then no model loads).
 */
export type GestureObserverSource = FrameSource | HTMLVideoElement | VideoFrameProvider | Observable<TimedFrame> | ReplaySource;

/** What the observer reads: frames, or the detections of a recording. */
export type ObservedFrames = FrameSource | Observable<TimedFrame> | ReplaySource;

/**
 * The frames of an observer's `source`: a `FrameSource`, replay or Observable as it is, a video element
 * (or anything with `readyState` and `currentTime`) through `fromVideoElement()`, else `null`.
 *
 * @example
 * const frames = toFrames(video); // fromVideoElement(video)
 */
export function toFrames(source: unknown): ObservedFrames | null {
  if (isFrameSource(source) || isObservable(source)) return source as ObservedFrames;
  return isVideoLike(source) ? fromVideoElement(source) : null;
}

/**
 * Whether `value` is a real `<video>` element the camera can play into (not just something
 * `fromVideoElement()` can read).
 *
 * @example
 * if (isVideoElement(options.source)) video.srcObject = stream;
 */
export function isVideoElement(value: unknown): value is HTMLVideoElement {
  return isVideoLike(value) && 'srcObject' in value && typeof (value as HTMLVideoElement).play === 'function';
}

function isVideoLike(value: unknown): value is VideoFrameProvider {
  return typeof value === 'object' && value !== null && 'readyState' in value && 'currentTime' in value;
}
