import type { Observable } from 'rxjs';
import { expectTypeOf, test } from 'vitest';
import type { GestureErrorEvent, GestureEvent, GesturePhaseEvent, PresenceEvent } from '../events';
import type { GestureError } from '../errors';
import type { GestureObserver } from '../observer/observer';
import type { GestureSnapshot } from '../observer/snapshot';
import type { GestureRecognizer } from '../recognizer';
import type { FrameSource } from '../sources/frame-source';
import type { Handedness, TimedFrame } from '../types';

test('GestureEvent narrows on type', () => {
  const event = {} as GestureEvent;
  if (event.type === 'gesture') {
    expectTypeOf(event).toEqualTypeOf<GesturePhaseEvent>();
    expectTypeOf(event.phase).toEqualTypeOf<'start' | 'end'>();
    expectTypeOf(event.meaning).toEqualTypeOf<string | null>();
    expectTypeOf(event.handedness).toEqualTypeOf<Handedness>();
  }
  if (event.type === 'presence') expectTypeOf(event).toEqualTypeOf<PresenceEvent>();
  if (event.type === 'error') {
    expectTypeOf(event).toEqualTypeOf<GestureErrorEvent>();
    expectTypeOf(event.error).toEqualTypeOf<GestureError>();
  }
});

test('events() takes sources, Observables and iterables of timed frames', () => {
  const recognizer = {} as GestureRecognizer;
  expectTypeOf(recognizer.events({} as FrameSource)).toEqualTypeOf<Observable<GestureEvent>>();
  expectTypeOf(recognizer.events).toBeCallableWith({} as Observable<TimedFrame>);
  expectTypeOf(recognizer.events).toBeCallableWith([] as TimedFrame[]);
  expectTypeOf(recognizer.events).toBeCallableWith({} as AsyncIterable<TimedFrame>, { minHoldMs: 300 });
});

test('GestureObserver fits useSyncExternalStore and RxJS interop', () => {
  const observer = {} as GestureObserver;
  expectTypeOf(observer.subscribe).toBeCallableWith(() => {});
  expectTypeOf(observer.subscribe(() => {})).toEqualTypeOf<() => void>();
  expectTypeOf(observer.getSnapshot()).toEqualTypeOf<GestureSnapshot>();
  expectTypeOf(observer.getSnapshot().status).toEqualTypeOf<'idle' | 'loading' | 'ready' | 'error'>();
});
