import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeDetection } from '../recording/format';
import { createRecorder } from '../recording/recorder';
import { fromRecording } from '../sources/from-recording';
import { record } from '../stages/record';
import type { Detection } from '../types';

const detection = (t: number): Detection => ({
  hands: [{ id: 1, box: [10.04, 20.06, 30, 40], landmarks: Array.from({ length: 21 }, (_, i) => [10.04 + i * 1.234, 20.06 + i, -i * 0.567] as [number, number, number]), handedness: 'right', handednessScore: 0.98765, presence: 0.91234, score: 0.91234 }],
  faces: [],
  present: true,
  width: 64,
  height: 48,
  timestamp: t,
});
const rounded = (d: Detection) => decodeFrame(encodeDetection(d, 64, 48), 64, 48);
const a = detection(0);
const b = detection(100);
const c = detection(200);
const testScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('record()', () => {
  it('passes each detection on rounded and keeps it; complete, error and unsubscribe pass through', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const recorder = createRecorder();
      const complete = cold('-a-b-|   ', { a, b });
      const failing = cold('  -a-#    ', { a });
      const endless = cold('  -a-b-c-d', { a, b, c, d: a });
      const unsub = '         ^----!   ';
      expectObservable(complete.pipe(record(recorder))).toBe('-a-b-|', { a: rounded(a), b: rounded(b) });
      expectObservable(failing.pipe(record(recorder))).toBe('-a-#', { a: rounded(a) });
      expectObservable(endless.pipe(record(recorder)), unsub).toBe('-a-b-', { a: rounded(a), b: rounded(b) });
      expectSubscriptions(endless.subscriptions).toBe(unsub);
    });
  });

  it('re-entry: every subscription records into the same recorder, in order', () => {
    const recorder = createRecorder();
    testScheduler().run(({ cold, expectObservable }) => {
      const recorded = cold('-a-|', { a }).pipe(record(recorder));
      expectObservable(recorded).toBe('-a-|', { a: rounded(a) });
      expectObservable(recorded).toBe('-a-|', { a: rounded(a) });
    });
    expect(recorder.frameCount).toBe(2);
  });
});

describe('fromRecording() at recorded speed', () => {
  const recording = () => {
    const recorder = createRecorder();
    [a, b, c].forEach((d) => recorder.add(d));
    return recorder.toJSON();
  };

  it('emits at the recorded gaps and completes; unsubscribing stops it; each subscription replays from the start', () => {
    const scheduler = testScheduler();
    scheduler.run(({ expectObservable }) => {
      const replay = fromRecording(recording(), { scheduler });
      const values = { a: rounded(a), b: rounded(b), c: rounded(c) };
      expectObservable(replay).toBe('a 99ms b 99ms (c|)', values);
      expectObservable(replay, '^ 150ms !').toBe('a 99ms b', values);
      expectObservable(replay).toBe('a 99ms b 99ms (c|)', values);
    });
  });
});
