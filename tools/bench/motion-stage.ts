import type { BenchRow } from '@gesture/node';
import type { GestureNode } from '../gesture-node';

/**
 * The motion stage's cost per frame: `motion()` (the built package's) over `count` frames of two
 * hands sweeping and waving at 30 fps, timed in batches of 100 frames. It runs on landmarks the
 * detect stage already made, so it needs no model.
 */
export async function benchMotionStage(bench: GestureNode, count = 3000): Promise<BenchRow> {
  const { from, lastValueFrom, toArray } = await import('rxjs');
  const hand = (id: number, x: number, y: number) => {
    const landmarks = Array.from({ length: 21 }, (_, i) => [x + (i % 5) * 12 - 24, y - Math.floor(i / 5) * 15, 0] as [number, number, number]);
    return { id, handedness: 'right' as const, box: [x - 30, y - 80, 60, 90] as [number, number, number, number], landmarks };
  };
  const frames = Array.from({ length: count }, (_, i) => {
    const t = (i * 1000) / 30;
    return { width: 640, height: 480, timestamp: t, hands: [hand(1, 320 + 200 * Math.sin(t / 700), 300), hand(2, 320 + 60 * Math.sin(t / 120), 200)] };
  });
  const samples: number[] = [];
  for (let i = 0; i < frames.length; i += 100) {
    const batch = frames.slice(i, i + 100);
    const started = performance.now();
    await lastValueFrom(from(batch).pipe(bench.motion(), toArray()));
    samples.push((performance.now() - started) / batch.length);
  }
  return bench.summarize(samples);
}
