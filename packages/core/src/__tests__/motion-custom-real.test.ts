import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motionSampleFromVideo } from '../../../node/src/motion-sample';
import { GestureRegistry } from '../classify/registry';
import type { GestureRecording } from '../recording/format';
import { createGestureRecognizer, type GestureRecognizer } from '../recognizer';
import { FIXTURES_ROOT, MOTION_NEGATIVE_CLIPS, SWIPE_SEGMENTS } from './helpers/fixtures';
import { motionEventsOf } from './helpers/motion-events';

// Custom motions on real people: the nine swipes of the HaGRID-dynamic clips (MANIFEST.csv time
// codes), each cut from the clip (0.3 s before the move to 0.5 s after the hand arrived) and
// detected at 10 fps. There are only 2–3 of each direction, so this is leave-one-out: each swipe is
// tested against the four custom gestures taught from the other swipes (one sample for left, up and
// down; two for right), which is fewer samples than the 3 the accuracy test uses.
const CLIPS = join(FIXTURES_ROOT, 'clips');
const SEGMENTS = SWIPE_SEGMENTS.map(([clip, direction, fromS, toS]) => [clip, `push_${direction}`, fromS, toS] as const);

let recognizer: GestureRecognizer;
const samples: GestureRecording[] = [];

beforeAll(async () => {
  recognizer = await createGestureRecognizer({ backend: 'wasm' });
  for (const [clip, , fromS, toS] of SEGMENTS) samples.push(await motionSampleFromVideo(join(CLIPS, clip), { recognizer, fps: 10, startMs: fromS * 1000, endMs: toS * 1000 }));
}, 120_000);
afterAll(() => recognizer?.dispose());

describe('custom motions taught from real swipes (HaGRID-dynamic, leave one out)', () => {
  it('each swipe is recognised by the gesture taught from the others of its direction', async () => {
    let recognised = 0;
    let confused = 0;
    for (let held = 0; held < SEGMENTS.length; held++) {
      const registry = new GestureRegistry();
      for (const gesture of new Set(SEGMENTS.map((s) => s[1]))) {
        const teach = samples.filter((_, i) => i !== held && SEGMENTS[i]![1] === gesture);
        const report = await registry.register(gesture, teach);
        expect(report.registered, `${gesture}: ${JSON.stringify(report.rejected)}`).toBe(true);
      }
      const gesture = SEGMENTS[held]![1];
      const custom = motionEventsOf(samples[held]!, registry).filter((e) => e.gesture.startsWith('push_'));
      const hit = custom.some((e) => e.gesture === gesture);
      const wrong = custom.some((e) => e.gesture !== gesture);
      console.log(`${SEGMENTS[held]![0]} ${gesture} ${SEGMENTS[held]![2]}–${SEGMENTS[held]![3]} s: [${custom.map((e) => `${e.gesture} ${e.score.toFixed(2)}`).join(', ')}]`);
      if (hit) recognised++;
      if (wrong) confused++;
    }
    console.log(`real swipes, leave one out: recognised ${recognised}/${SEGMENTS.length}, confused ${confused}/${SEGMENTS.length}`);
    // Fewer than 3 teaching samples and 9 trials: a figure for the docs, with a loose floor.
    expect(recognised).toBeGreaterThanOrEqual(7);
    expect(confused).toBeLessThanOrEqual(1);
  });
});

/** The recording as seen in a mirror: x flipped across the frame, left and right hands swapped. */
function mirrored(recording: GestureRecording): GestureRecording {
  return {
    ...recording,
    frames: recording.frames.map((frame) => ({
      ...frame,
      hands: frame.hands.map((hand) => {
        const [x, y, w, h] = hand.box;
        return { ...hand, handedness: hand.handedness === 'left' ? 'right' : 'left', box: [(frame.size?.[0] ?? recording.width) - x - w, y, w, h], landmarks: hand.landmarks.map((v, i) => (i % 3 === 0 ? w - v : v)) };
      }),
    })),
  };
}

/** Every `k`-element subset of `0..n-1`, in lexicographic order. */
function subsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let first = 0; first <= n - k; first++) for (const rest of subsets(n - first - 1, k - 1)) out.push([first, ...rest.map((i) => i + first + 1)]);
  return out;
}

// The issue's target, on the real swipes: "a gesture taught from 3 recordings is recognised in
// ≥ 90 % of its other recordings and confused with another registered motion gesture in ≤ 5 %".
// The clips hold 9 swipes (3 right, 2 left, 2 down, 2 up): too few for 3 + tests per direction, so
// each swipe is also used mirrored (x flipped, handedness swapped): a mirrored left swipe is a
// right swipe by another (mirror-image) performer. Right and left then have 5 recordings each from
// 5 different performances (3 real, 2 mirrored or the other way round): taught from 3, tested on
// the other 2, over all 10 choices of 3. Up and down stay up and down in a mirror, so a swipe and
// its mirror are the same performance and never split between teaching and testing: up and down
// are taught from one swipe and its mirror (2 recordings, fewer than the target's 3) and tested on
// the other swipe and its mirror, both ways round. All four gestures are registered in every round.
// The thresholds are the issue's targets; nothing here was tuned on these results.
describe('custom motions taught from 3 real swipes, tested on the others (rotating, with mirrored swipes)', () => {
  it('recognised in ≥ 90 % of the held-out recordings, confused in ≤ 5 %', async () => {
    const byGesture = new Map<string, { recording: GestureRecording; label: string; performance: number }[]>();
    const add = (gesture: string, recording: GestureRecording, label: string, performance: number) => byGesture.set(gesture, [...(byGesture.get(gesture) ?? []), { recording, label, performance }]);
    const opposite: Record<string, string> = { push_left: 'push_right', push_right: 'push_left', push_up: 'push_up', push_down: 'push_down' };
    SEGMENTS.forEach(([clip, gesture, fromS], i) => {
      const label = `${clip.replace('hagrid-dynamic_', '').replace('.gif', '')}@${fromS}s`;
      add(gesture, samples[i]!, label, i);
      add(opposite[gesture]!, mirrored(samples[i]!), `${label} mirrored`, i);
    });
    const rounds = 10;
    const horizontal = subsets(5, 3);
    let tests = 0;
    let recognised = 0;
    let confused = 0;
    const misses: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const registry = new GestureRegistry();
      const held: { gesture: string; recording: GestureRecording; label: string }[] = [];
      for (const [gesture, recordings] of byGesture) {
        let teach: number[];
        if (recordings.length === 5) teach = horizontal[round]!;
        else {
          // Up or down: one performance (the swipe and its mirror) taught, the other tested; the roles swap every round.
          const performances = [...new Set(recordings.map((r) => r.performance))];
          const taught = performances[round % performances.length];
          teach = recordings.flatMap((r, i) => (r.performance === taught ? [i] : []));
        }
        const report = await registry.register(gesture, teach.map((i) => recordings[i]!.recording));
        expect(report.registered, `${gesture}: ${JSON.stringify(report.rejected)}`).toBe(true);
        recordings.forEach((r, i) => {
          if (!teach.includes(i)) held.push({ gesture, recording: r.recording, label: r.label });
        });
      }
      for (const { gesture, recording, label } of held) {
        const custom = motionEventsOf(recording, registry).filter((e) => e.gesture.startsWith('push_'));
        tests++;
        if (custom.some((e) => e.gesture === gesture)) recognised++;
        else misses.push(`round ${round} ${gesture} ${label}: [${custom.map((e) => e.gesture).join(', ')}]`);
        if (custom.some((e) => e.gesture !== gesture)) {
          confused++;
          misses.push(`round ${round} ${gesture} ${label} confused: [${custom.map((e) => `${e.gesture} ${e.score.toFixed(2)}`).join(', ')}]`);
        }
      }
    }
    console.log(misses.join('\n'));
    console.log(`real swipes (with mirrored), taught from 3 (up/down: 2), tested on the rest: recognised ${recognised}/${tests}, confused ${confused}/${tests}`);
    expect(recognised / tests).toBeGreaterThanOrEqual(0.9);
    expect(confused / tests).toBeLessThanOrEqual(0.05);
  });
});

// The same four gestures (each taught from all its real swipes) over the clips with no motion
// gesture: signing, a classroom, typing, squats with arm swings, a slow reach. The built-in motions
// give no event there (motion-clips.test.ts); these custom ones do, where a hand is raised or
// lowered (ASL "again" and "help" start and end that way; the squats swing both arms up and down):
// their swipes are a hand moved up or down, whatever else it does. A known gap, kept as an
// expected failure so that it shows, and so that this test tells when it is closed.
describe('custom motions taught from the real swipes, on the negative clips', () => {
  it.fails('give no custom motion event on the clips with no motion gesture (known gap: raised and lowered hands)', async () => {
    const registry = new GestureRegistry();
    for (const gesture of new Set(SEGMENTS.map((s) => s[1]))) await registry.register(gesture, samples.filter((_, i) => SEGMENTS[i]![1] === gesture));
    const found: string[] = [];
    for (const clip of MOTION_NEGATIVE_CLIPS) {
      const recording = await motionSampleFromVideo(join(CLIPS, clip), { recognizer, fps: 10 });
      for (const e of motionEventsOf(recording, registry)) found.push(`${clip}: ${e.gesture} @${(e.timestamp / 1000).toFixed(2)} s, score ${e.score.toFixed(2)}`);
    }
    console.log(`custom motions on ${MOTION_NEGATIVE_CLIPS.length} negative clips: ${found.length} events\n${found.join('\n')}`);
    expect(found).toEqual([]);
  }, 300_000);
});
