import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one place that names the test data and its split, for the tests (through
 * packages/core/src/__tests__/helpers/fixtures.ts) and for the tools (bench, eval, reference data).
 */

/** The repository root (this file's parent folder), so nothing depends on the current directory. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/**
 * The shared fixtures folder (hands/, hands-b/, clips/): `$GESTURE_FIXTURES` (relative to the
 * repository root), else `../shared/fixtures` beside the repository. The photos are read from
 * there and never copied into the project.
 */
export const FIXTURES_ROOT = resolve(REPO_ROOT, process.env.GESTURE_FIXTURES ?? '../shared/fixtures');

/** The photos of hands, laid out as `<class>/<photo>`: `hands/` of {@link FIXTURES_ROOT}. */
export const FIXTURES_DIR = join(FIXTURES_ROOT, 'hands');

/** The five built-in gesture classes of the seed. */
export const BUILTIN_CLASSES = ['fist', 'ok', 'palm', 'one', 'peace'] as const;

/** The built-ins added after the seed (MediaPipe's and HaGRID's); hands/ has photos of thumbs_up and rock only. */
export const ADDED_BUILTIN_CLASSES = ['thumbs_up', 'thumbs_down', 'call', 'rock'] as const;

/** The fixture split: part A when the FNV-1a hash of the file name is even (what the built-in references and thresholds were drawn from), else part B. */
export function splitPart(file: string): 'A' | 'B' {
  let h = 2166136261;
  for (const c of basename(file)) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h % 2 === 0 ? 'A' : 'B';
}

/** The seeded generator (32-bit LCG) that draws few-shot samples; the classify test and the eval use seed × 7919 + K. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * The nine swipes of the HaGRID-dynamic clips (clips/MANIFEST.csv time codes), each cut from 0.3 s
 * before the move to about 0.5 s after the hand arrived: the real movements that custom motions are
 * taught from and tested on (motion-custom-real.test.ts), and timed in `npm run bench`'s motion row.
 */
export const SWIPE_SEGMENTS: readonly (readonly [clip: string, direction: 'left' | 'right' | 'up' | 'down', fromS: number, toS: number])[] = [
  ['hagrid-dynamic_swipe_left_right.gif', 'right', 0, 1.0],
  ['hagrid-dynamic_swipe_left_right.gif', 'left', 2.2, 3.5],
  ['hagrid-dynamic_swipe_left_right.gif', 'right', 3.95, 5.25],
  ['hagrid-dynamic_swipe2_left_right.gif', 'right', 0.7, 2.0],
  ['hagrid-dynamic_swipe2_left_right.gif', 'left', 2.45, 3.74],
  ['hagrid-dynamic_swipe_up_down.gif', 'down', 0.95, 2.25],
  ['hagrid-dynamic_swipe_up_down.gif', 'up', 2.7, 3.8],
  ['hagrid-dynamic_swipe3_up_down.gif', 'down', 0.7, 2.0],
  ['hagrid-dynamic_swipe3_up_down.gif', 'up', 3.45, 4.75],
];

/** Clips (in clips/) with no motion gesture, for the motion stage: signing, a classroom, typing, squats with arm swings, a slow reach. */
export const MOTION_NEGATIVE_CLIPS = [
  'intel_classroom_preview.gif',
  'mediapipe-samples_image_classification_test_video.mp4',
  'intel_asl_yes.mkv',
  'intel_asl_no.mkv',
  'intel_asl_please.mkv',
  'intel_asl_thanks.mkv',
  'intel_asl_again.mkv',
  'intel_asl_help.mkv',
  'tfjs-models_pose_squats.mp4',
  'mediapipe-samples_hand_landmarker_test_video.mp4',
] as const;
