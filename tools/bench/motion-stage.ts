// The motion row of `npm run bench`: what `motion()` costs per frame on hands tracked in real
// clips, with the built-in motions only and with custom motions registered.
import { join } from 'node:path';
import type { BenchRow, GestureRecording, MotionFrame } from '@gesture/node';
import { FIXTURES_ROOT, MOTION_NEGATIVE_CLIPS, SWIPE_SEGMENTS } from '../fixtures';
import type { GestureNode } from '../gesture-node';

/** One setting of the motion row: how many custom motions were registered, and the stage's cost per frame. */
export interface MotionStageRow extends BenchRow {
  customs: number;
  meanMs: number;
  /** Motion events over all the clips in one pass (a sanity check: the work was done). */
  events: number;
}

/** What the motion row reports. */
export interface MotionStageBench {
  clips: number;
  frames: number;
  /** Frames with at least one hand. */
  framesWithHands: number;
  /** Timed passes over all frames. */
  passes: number;
  rows: MotionStageRow[];
}

const CLIPS = join(FIXTURES_ROOT, 'clips');
/** The clips the row runs on: the four swipe clips and the negatives. */
const MOTION_CLIPS = [...new Set(SWIPE_SEGMENTS.map(([clip]) => clip)), ...MOTION_NEGATIVE_CLIPS];
/** Frames per second the clips are decoded at (at most; the swipe GIFs are 15 fps). */
const FPS = 15;
const DIRECTIONS = ['right', 'left', 'up', 'down'] as const;

/**
 * The motion stage's cost per frame: the detector (wasm) runs once over the swipe clips and the
 * negatives (MOTION_CLIPS, at most 15 fps) and its hands are recorded; then `motion()` (the built
 * package's) is fed those frames one at a time, each frame timed from `next()` until it returns,
 * `passes` times, with no custom motion and with each count in `customCounts`. Custom motion `k`
 * is taught from 3 real swipes of one direction (SWIPE_SEGMENTS, cut from the same recordings; a
 * direction with 2 swipes repeats one): real durations, shapes and thresholds.
 */
export async function benchMotionStage(node: GestureNode, log: (line: string) => void, customCounts: readonly number[] = [4, 16], passes = 5): Promise<MotionStageBench> {
  const recognizer = await node.createGestureRecognizer({ backend: 'wasm' });
  const recordings: GestureRecording[] = [];
  try {
    for (const clip of MOTION_CLIPS) {
      log(`motion: detecting hands in ${clip}`);
      recordings.push(await node.motionSampleFromVideo(join(CLIPS, clip), { recognizer, fps: FPS }));
    }
  } finally {
    recognizer.dispose();
  }
  const clips = recordings.map((r) => r.frames.map((f): MotionFrame => node.decodeFrame(f, r.width, r.height)));
  const segments = SWIPE_SEGMENTS.map(([clip, , fromS, toS]) => {
    const r = recordings[MOTION_CLIPS.indexOf(clip)]!;
    return { ...r, frames: r.frames.filter((f) => f.t >= fromS * 1000 && f.t <= toS * 1000) };
  });
  const { Subject } = await import('rxjs');
  const rows: MotionStageRow[] = [];
  for (const customs of [0, ...customCounts]) {
    const registry = new node.GestureRegistry();
    for (let k = 0; k < customs; k++) {
      const mine = segments.filter((_, i) => SWIPE_SEGMENTS[i]![1] === DIRECTIONS[k % 4]);
      const report = await registry.register(`custom_${k + 1}`, [0, 1, 2].map((i) => mine[(Math.floor(k / 4) + i) % mine.length]!));
      if (!report.registered) throw new Error(`custom_${k + 1} was not registered: ${JSON.stringify(report.rejected)}`);
    }
    const samples: number[] = [];
    let events = 0;
    for (let pass = 0; pass < passes; pass++) {
      for (const frames of clips) {
        const input = new Subject<MotionFrame>();
        input.pipe(node.motion({}, customs > 0 ? registry : undefined)).subscribe(() => pass === 0 && events++);
        for (const frame of frames) {
          const started = performance.now();
          input.next(frame);
          samples.push(performance.now() - started);
        }
        input.complete();
      }
    }
    const meanMs = samples.reduce((a, b) => a + b, 0) / samples.length;
    rows.push({ customs, ...node.summarize(samples), meanMs, events });
    log(`motion: ${customs} custom motions: mean ${meanMs.toFixed(3)} ms per frame`);
  }
  const all = clips.flat();
  return { clips: clips.length, frames: all.length, framesWithHands: all.filter((f) => f.hands.length > 0).length, passes, rows };
}

/** The motion row as printed by `npm run bench`. */
export function formatMotionStage(bench: MotionStageBench): string[] {
  const f = (v: number) => v.toFixed(3);
  return [
    `motion stage, ms per frame (aim ≤ 1): ${bench.frames} frames (${bench.framesWithHands} with a hand) of ${bench.clips} clips (4 swipe clips, ${bench.clips - 4} negatives; ≤ ${FPS} fps) × ${bench.passes} passes`,
    ...bench.rows.map((r) => `  ${r.customs === 0 ? 'built-ins only       ' : `+ ${String(r.customs).padStart(2)} custom motions  `}  mean ${f(r.meanMs)}  median ${f(r.medianMs)}  p95 ${f(r.p95Ms)}  (${r.events} events)`),
  ];
}
