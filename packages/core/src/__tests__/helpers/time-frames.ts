import type { GestureRecognizer } from '../../recognizer';
import type { Frame } from '../../types';

/**
 * Times `recognize()` (image mode) and a tracked video-mode `detect()` on each frame: `warmup`
 * untimed calls, then `frames` timed ones each. Returns every sample in ms; a video frame that
 * ran the palm detector again is left out of `tracked`. One loop for the browser test page and
 * the Node row of `npm run bench -- --browser`, so both time the same thing.
 */
export async function timeColdAndTracked(
  recognizer: Pick<GestureRecognizer, 'recognize' | 'detector'>,
  images: readonly Frame[],
  frames: number,
  warmup: number,
): Promise<{ cold: number[]; tracked: number[] }> {
  const cold: number[] = [];
  const tracked: number[] = [];
  for (const image of images) {
    for (let i = 0; i < warmup; i++) await recognizer.recognize(image);
    for (let i = 0; i < frames; i++) {
      const t0 = performance.now();
      await recognizer.recognize(image);
      cold.push(performance.now() - t0);
    }
    const detector = recognizer.detector;
    detector.reset();
    for (let i = 0; i < warmup; i++) await detector.detect(image, { mode: 'video' });
    for (let i = 0; i < frames; i++) {
      const runsBefore = detector.stats.detectorRuns;
      const t0 = performance.now();
      await detector.detect(image, { mode: 'video' });
      if (detector.stats.detectorRuns === runsBefore) tracked.push(performance.now() - t0);
    }
  }
  return { cold, tracked };
}
