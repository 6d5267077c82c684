import { computed, onScopeDispose, shallowRef, toValue, watchPostEffect, type ComputedRef, type MaybeRefOrGetter } from 'vue';
import { GestureObserver, type GestureObserverOptions, type GestureObserverSource, type GestureSnapshot } from '@gesture/core';

/** Options of `useGesture()`: the observer's options, with the video given as a template ref or an element. */
export interface UseGestureOptions extends Omit<GestureObserverOptions, 'source'> {
  /** The `<video>` to read frames from: a template ref, a getter or the element. Defaults to `null`. */
  video?: MaybeRefOrGetter<HTMLVideoElement | null | undefined>;
  /** Any other frame source; takes precedence over `video`. Defaults to `null`. */
  source?: MaybeRefOrGetter<GestureObserverSource | null | undefined>;
}

/** What `useGesture()` returns: each snapshot field as a read-only ref, the event stream and `register()`. */
export type UseGestureReturn = { readonly [K in keyof GestureSnapshot]: ComputedRef<GestureSnapshot[K]> } & {
  /** Every event as it happens (`observer.events`). */
  events: GestureObserver['events'];
  /** Learns a custom gesture from sample frames (`observer.register()`); it counts at once. */
  register: GestureObserver['register'];
  /** The observer behind the composable. */
  observer: GestureObserver;
};

/**
 * Gesture and presence state of a video as refs. Models load once the component is mounted
 * (never during SSR) and are released when its scope is disposed (unmount: `observer.destroy()`). With `camera`, the composable
 * opens the camera into the video and stops it on unmount.
 *
 * @example
 * const video = useTemplateRef<HTMLVideoElement>('video');
 * const { status, meaning, presence } = useGesture({ video, camera: true });
 */
export function useGesture(options: MaybeRefOrGetter<UseGestureOptions> = {}): UseGestureReturn {
  const observer = new GestureObserver();
  const snapshot = shallowRef(observer.getSnapshot());
  // Post-flush effects run after mount (template refs are set) and are skipped during SSR.
  watchPostEffect(() => {
    const { video, source, ...rest } = toValue(options);
    observer.setOptions({ ...rest, source: toValue(source) ?? toValue(video) ?? null });
  });
  watchPostEffect((onCleanup) => onCleanup(observer.subscribe((next) => (snapshot.value = next))));
  onScopeDispose(() => observer.destroy());
  const field = <K extends keyof GestureSnapshot>(key: K) => computed(() => snapshot.value[key]);
  return {
    status: field('status'),
    gesture: field('gesture'),
    meaning: field('meaning'),
    hands: field('hands'),
    presence: field('presence'),
    motion: field('motion'),
    lastEvent: field('lastEvent'),
    backend: field('backend'),
    error: field('error'),
    events: observer.events,
    register: observer.register,
    observer,
  };
}
