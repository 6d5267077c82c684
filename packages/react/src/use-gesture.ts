import { useEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import { GestureObserver, type GestureObserverOptions, type GestureObserverSource, type GestureSnapshot } from '@gesture/core';

/** Options of `useGesture()`: the observer's options, with the video given as a ref or an element. */
export interface UseGestureOptions extends Omit<GestureObserverOptions, 'source'> {
  /** The `<video>` to read frames from: a ref (`useRef<HTMLVideoElement>(null)`) or the element. Defaults to `null`. */
  video?: RefObject<HTMLVideoElement | null> | HTMLVideoElement | null;
  /** Any other frame source; takes precedence over `video`. Defaults to `null`. */
  source?: GestureObserverSource | null;
}

/** What `useGesture()` returns: the observer's snapshot, its event stream and `register()`. */
export interface UseGestureResult extends GestureSnapshot {
  /** Every event as it happens (`observer.events`): subscribe in an effect. */
  events: GestureObserver['events'];
  /** Learns a custom gesture from sample frames (`observer.register()`); it counts at once. */
  register: GestureObserver['register'];
  /** The observer behind the hook (`observer.recognizer`, `observer.source`). */
  observer: GestureObserver;
}

function isRef(input: unknown): input is RefObject<HTMLVideoElement | null> {
  return typeof input === 'object' && input !== null && 'current' in input;
}

/**
 * Gesture and presence state of a video, re-rendering only when it changes. Models load when
 * the component mounts and are released when it unmounts (`releaseAfterMs: 0`, so StrictMode's
 * remount keeps them). With `camera`, the hook opens the camera into the video and stops it on unmount.
 *
 * @example
 * function Overlay() {
 *   const video = useRef<HTMLVideoElement>(null);
 *   const { status, meaning, presence } = useGesture({ video, camera: true });
 *   return (<><video ref={video} /><p>{status} {meaning} {presence === 'away' && 'Away'}</p></>);
 * }
 */
export function useGesture(input: RefObject<HTMLVideoElement | null> | UseGestureOptions = {}): UseGestureResult {
  const { video, source, ...options } = isRef(input) ? ({ video: input } as UseGestureOptions) : input;
  const [observer] = useState(() => new GestureObserver({ releaseAfterMs: 0, ...options }));
  // After every render: a ref's element is known only after commit; equal options are a no-op.
  useEffect(() => observer.setOptions({ ...options, source: source ?? (isRef(video) ? video.current : video) ?? null }));
  const snapshot = useSyncExternalStore(observer.subscribe, observer.getSnapshot, observer.getServerSnapshot);
  return { ...snapshot, events: observer.events, register: observer.register, observer };
}
