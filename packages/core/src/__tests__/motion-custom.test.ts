import { from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { GestureRegistry } from '../classify/registry';
import { GesturePackError, InvalidOptionsError } from '../errors';
import type { MotionEvent } from '../events';
import { MotionSampleError } from '../motion/sample-error';
import { motionTrack, type TimedLandmarks } from '../motion/track';
import { createRecorder } from '../recording/recorder';
import { motion, type MotionFrame } from '../stages/motion';
import { openHand, PATHS, performance } from './helpers/motion-samples';

/** The motion stage's events over timed landmark frames (a 640×480 view), with the registry's custom motions. */
function eventsOf(frames: TimedLandmarks[], registry: GestureRegistry): MotionEvent[] {
  const motionFrames: MotionFrame[] = frames.map((f) => ({
    hands: f.landmarks ? [{ id: 1, handedness: 'right', box: [f.landmarks[1]![0] - 40, f.landmarks[20]![1], 110, 150], landmarks: f.landmarks }] : [],
    width: 640,
    height: 480,
    timestamp: f.timestamp,
  }));
  const events: MotionEvent[] = [];
  from(motionFrames).pipe(motion({}, registry)).subscribe((e) => events.push(e));
  return events;
}

const custom = (events: MotionEvent[]) => events.filter((e) => !['wave', 'swipe_left', 'swipe_right', 'swipe_up', 'swipe_down'].includes(e.gesture)).map((e) => e.gesture);

async function taught(): Promise<GestureRegistry> {
  const registry = new GestureRegistry();
  await registry.register('circle', [700, 1000, 1300].map((moveMs, i) => performance(PATHS.circle, { moveMs, wobble: 2, seed: i + 1 })), { meaning: 'refresh' });
  await registry.register('zigzag', [800, 1100, 1400].map((moveMs, i) => performance(PATHS.zigzag, { moveMs, wobble: 2, seed: i + 9, size: 0.7 })));
  return registry;
}

describe('custom motion gestures from timed landmark frames', () => {
  it('registers from 3 recordings and reports the threshold and the leave-one-out estimate', async () => {
    const registry = new GestureRegistry();
    const report = await registry.register('circle', [700, 1000, 1300].map((moveMs, i) => performance(PATHS.circle, { moveMs, wobble: 2, seed: i + 1 })), { meaning: 'refresh' });
    expect(report).toMatchObject({ gesture: 'circle', registered: true, accepted: 3, rejected: [], motion: { leaveOneOut: { recognised: 3, of: 3 } } });
    expect(report.motion!.threshold).toBeGreaterThan(0);
    expect(registry.list().find((g) => g.name === 'circle')).toEqual({ name: 'circle', meaning: 'refresh', kind: 'motion', samples: 3 });
  });

  it('recognises performances faster and slower than any sample, once each, and tells the gestures apart', async () => {
    const registry = await taught();
    for (const moveMs of [500, 900, 1800]) {
      const circle = eventsOf(performance(PATHS.circle, { moveMs, wobble: 3, seed: moveMs, size: 1.2, start: { x: 300, y: 150 } }), registry);
      expect(custom(circle), `circle in ${moveMs} ms`).toEqual(['circle']);
      expect(circle.find((e) => e.gesture === 'circle')).toMatchObject({ meaning: 'refresh', handId: 1 });
      expect(custom(eventsOf(performance(PATHS.zigzag, { moveMs, wobble: 3, seed: moveMs, size: 0.8 }), registry)), `zigzag in ${moveMs} ms`).toEqual(['zigzag']);
    }
  });

  it('does not fire on a hand at rest, a straight move or small fidgets', async () => {
    const registry = await taught();
    expect(custom(eventsOf(performance(() => ({ x: 0, y: 0 }), { moveMs: 2000, wobble: 3 }), registry))).toEqual([]);
    expect(custom(eventsOf(performance(PATHS.right, { moveMs: 600 }), registry))).toEqual([]);
    expect(custom(eventsOf(performance(PATHS.circle, { moveMs: 800, size: 0.15, wobble: 2 }), registry))).toEqual([]);
  });

  it('a movement a custom motion claims is not also a built-in motion; other movements still are', async () => {
    const registry = await taught();
    const clip = performance(PATHS.circle, { moveMs: 900, size: 1.5, start: { x: 300, y: 150 } });
    expect(eventsOf(clip, new GestureRegistry()).map((e) => e.gesture)).toContain('wave');
    expect(eventsOf(clip, registry).map((e) => e.gesture)).toEqual(['circle']);
    const swipe = eventsOf(performance(PATHS.right, { moveMs: 500, size: 1.2 }), registry);
    expect(swipe.map((e) => e.gesture)).toEqual(['swipe_right']);
  });

  it('also when the frames end (or the hand is lost) right after the movement: the custom motion only', async () => {
    const registry = await taught();
    await registry.register('push_right', [500, 700, 900].map((moveMs, i) => performance(PATHS.right, { moveMs, seed: i + 30 })));
    // The frames stop 0.1 s after the hand arrived, before it has settled: both decide at the end.
    const clip = performance(PATHS.right, { moveMs: 600, size: 1.2, seed: 40 }).filter((f) => f.timestamp <= 400 + 600 + 100);
    expect(eventsOf(clip, new GestureRegistry()).map((e) => e.gesture)).toEqual(['swipe_right']);
    expect(eventsOf(clip, registry).map((e) => e.gesture)).toEqual(['push_right']);
    // The hand is lost instead (no hand in the frames after): the same.
    const lost = [...clip, ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => ({ timestamp: 1100 + 66.7 * k, landmarks: null }))];
    expect(eventsOf(lost, registry).map((e) => e.gesture)).toEqual(['push_right']);
  });

  it('names the closest existing motion gesture, built-in or custom', async () => {
    const registry = await taught();
    const right = await registry.register('push_right', [500, 700, 900].map((moveMs, i) => performance(PATHS.right, { moveMs, seed: i })));
    expect(right.nearest).toEqual({ gesture: 'swipe_right', similarity: 1 });
    expect(right.confusable).toBe(true);
    const circle2 = await registry.register('round', [600, 900, 1200].map((moveMs, i) => performance(PATHS.circle, { moveMs, wobble: 2, seed: i + 20 })));
    expect(circle2.nearest?.gesture).toBe('circle');
    expect(circle2.confusable).toBe(true);
  });

  it('takes a GestureRecording as a sample (the largest hand)', async () => {
    const recorder = createRecorder();
    for (const f of performance(PATHS.circle, { moveMs: 1000 })) {
      const hand = { id: 3, box: [0, 0, 100, 100] as [number, number, number, number], landmarks: f.landmarks!, handedness: 'right' as const, handednessScore: 0.9, presence: 0.9, score: 0.9 };
      recorder.add({ hands: [hand], faces: [], present: true, width: 640, height: 480, timestamp: f.timestamp });
    }
    const registry = new GestureRegistry();
    const report = await registry.register('circle', [recorder.toJSON(), performance(PATHS.circle, { moveMs: 800 })]);
    expect(report).toMatchObject({ registered: true, accepted: 2 });
  });
});

describe('bad motion samples', () => {
  const good = () => performance(PATHS.circle, { moveMs: 800 });
  it('motionTrack() throws MotionSampleError with the reason', () => {
    const reason = (sample: unknown) => {
      try {
        motionTrack(sample);
      } catch (error) {
        expect(error).toBeInstanceOf(MotionSampleError);
        return (error as MotionSampleError).details.reason;
      }
      return 'accepted';
    };
    expect(reason(good())).toBe('accepted');
    expect(reason(good().map((f) => ({ ...f, landmarks: null })))).toBe('no-hand');
    expect(reason(good().slice(0, 3))).toBe('too-short');
    expect(reason(good().map((f) => ({ ...f, landmarks: f.landmarks!.slice(0, 20) })))).toBe('invalid');
    expect(reason([{ timestamp: 5, landmarks: openHand(0, 0) }, { timestamp: 5, landmarks: openHand(0, 0) }])).toBe('invalid');
    expect(reason({ format: 'gesture-recording', version: 9 })).toBe('invalid');
    expect(reason(42)).toBe('invalid');
  });

  it('register() rejects them one by one in the report', async () => {
    const registry = new GestureRegistry();
    const still = performance(() => ({ x: 0, y: 0 }), { moveMs: 800 });
    const report = await registry.register('circle', [good(), good().map((f) => ({ ...f, landmarks: null })), good().slice(0, 2), still]);
    expect(report.accepted).toBe(1);
    expect(report.rejected.map((r) => [r.index, r.reason])).toEqual([[1, 'no-hand'], [2, 'too-short'], [3, 'no-motion']]);
    const none = await registry.register('nothing', [still]);
    expect(none).toMatchObject({ registered: false, accepted: 0 });
    expect(registry.has('nothing')).toBe(false);
  });

  it('throws InvalidOptionsError for a mix of kinds or a built-in name', async () => {
    const registry = new GestureRegistry();
    await expect(registry.register('x', [good(), openHand(0, 0)] as never)).rejects.toBeInstanceOf(InvalidOptionsError);
    await expect(registry.register('wave', [good()])).rejects.toBeInstanceOf(InvalidOptionsError);
    await expect(registry.register('palm', [good()], { replace: true })).rejects.toBeInstanceOf(InvalidOptionsError);
  });
});

describe('gesture pack version 2', () => {
  it('exports motions and imports them back: the same events', async () => {
    const registry = await taught();
    const pack = JSON.parse(JSON.stringify(registry.export()));
    expect(pack).toMatchObject({ format: 'gesture-pack', version: 2, gestures: [] });
    expect(pack.motions.map((m: { name: string }) => m.name)).toEqual(['circle', 'zigzag']);
    const other = new GestureRegistry();
    expect(await other.import(pack)).toEqual(['circle', 'zigzag']);
    const clip = performance(PATHS.circle, { moveMs: 900, wobble: 3, seed: 5 });
    expect(eventsOf(clip, other)).toEqual(eventsOf(clip, registry));
  });

  it('still imports a version-1 pack', async () => {
    const registry = new GestureRegistry();
    const hand = openHand(100, 100).map(([x, y, z]) => [(x - 100) / 64, (140 - y) / 64, z]);
    expect(await registry.import({ format: 'gesture-pack', version: 1, gestures: [{ name: 'spread', meaning: 'hi', replace: false, samples: [hand] }] })).toEqual(['spread']);
    expect(registry.export()).toMatchObject({ version: 2, gestures: [{ name: 'spread' }], motions: [] });
  });

  it('refuses hostile motion entries whole, with the JSON path', async () => {
    const pack = JSON.parse(JSON.stringify((await taught()).export()));
    const path = async (mutate: (p: typeof pack) => void) => {
      const copy = JSON.parse(JSON.stringify(pack));
      mutate(copy);
      const registry = new GestureRegistry();
      try {
        await registry.import(copy);
      } catch (error) {
        expect(error).toBeInstanceOf(GesturePackError);
        expect(registry.list().filter((g) => g.kind !== 'builtin')).toEqual([]);
        return (error as GesturePackError).details.path;
      }
      return 'imported';
    };
    expect(await path(() => {})).toBe('imported');
    expect(await path((p) => (p.version = 1))).toBe('$.motions');
    expect(await path((p) => p.motions[1].samples[0].points.pop())).toBe('$.motions[1].samples[0].points');
    expect(await path((p) => (p.motions[0].samples[2].points[4][12] = 1e9))).toBe('$.motions[0].samples[2].points[4][12]');
    expect(await path((p) => (p.motions[0].threshold = -1))).toBe('$.motions[0].threshold');
    expect(await path((p) => (p.motions[0].samples[0].duration = 'long'))).toBe('$.motions[0].samples[0].duration');
    expect(await path((p) => (p.motions[1].name = 'circle'))).toBe('$.motions[1].name');
    expect(await path((p) => (p.motions[0].name = 'swipe_left'))).toBe('$.motions[0].name');
    expect(await path((p) => (p.motions[0].extra = 1))).toBe('$.motions[0].extra');
  });
});
