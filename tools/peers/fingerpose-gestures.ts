// The fingerpose peer: its two published gestures plus four descriptions WE wrote.
//
// fingerpose 0.1.0 (npm `fingerpose`, MIT, andypotato/fingerpose) ships `VictoryGesture` and
// `ThumbsUpGesture`. It has no fist, ok, palm or one, so the four descriptions below are ours,
// written once with its documented `GestureDescription` API (addCurl / addDirection, contributions
// in [0, 1]) from the shapes in docs/gestures.md, before any of them was scored, and not tuned
// afterwards. fingerpose can only express per-finger curl (no / half / full) and direction; it
// cannot say "thumb tip touches index tip", so `ok` is approximated by curls.
//
// It is fed OUR landmarks (the same 21 points our classifier sees, image pixels, y down), so the
// comparison is between classifiers on identical input. The decision rule is the one in its README:
// `estimate(landmarks, 8.5)`, the highest-scoring gesture at or above 8.5 of 10 wins (ties: the
// first in GESTURES order), nothing above 8.5 reads `none`.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A fingerpose gesture: curls and directions per finger (`GestureDescription`). */
interface FingerposeGesture {
  name: string;
  addCurl(finger: number, curl: number, contribution: number): void;
  addDirection(finger: number, direction: number, contribution: number): void;
}

/** The part of fingerpose (untyped, CommonJS) the peer uses. */
interface Fingerpose {
  GestureDescription: new (name: string) => FingerposeGesture;
  GestureEstimator: new (gestures: FingerposeGesture[]) => { estimate(landmarks: readonly (readonly number[])[], minScore: number): { gestures: { name: string; score: number }[] } };
  Finger: Record<'Thumb' | 'Index' | 'Middle' | 'Ring' | 'Pinky', number>;
  FingerCurl: Record<'NoCurl' | 'HalfCurl' | 'FullCurl', number>;
  FingerDirection: Record<'VerticalUp' | 'DiagonalUpLeft' | 'DiagonalUpRight' | 'HorizontalLeft' | 'HorizontalRight', number>;
  Gestures: Record<'VictoryGesture' | 'ThumbsUpGesture', FingerposeGesture>;
}

const { GestureDescription, GestureEstimator, Finger, FingerCurl, FingerDirection, Gestures } = require('fingerpose') as Fingerpose;

/** The README's example threshold (out of 10). */
export const FINGERPOSE_MIN_SCORE = 8.5;

const FOUR = [Finger.Index, Finger.Middle, Finger.Ring, Finger.Pinky];
const UPWARDS = [FingerDirection.VerticalUp, FingerDirection.DiagonalUpLeft, FingerDirection.DiagonalUpRight];
const POINTING = [...UPWARDS, FingerDirection.HorizontalLeft, FingerDirection.HorizontalRight];

/** Ours: all four fingers fully curled (half curl acceptable), thumb not stretched out. */
const fist = new GestureDescription('fist');
for (const finger of FOUR) {
  fist.addCurl(finger, FingerCurl.FullCurl, 1.0);
  fist.addCurl(finger, FingerCurl.HalfCurl, 0.9);
}
fist.addCurl(Finger.Thumb, FingerCurl.HalfCurl, 1.0);
fist.addCurl(Finger.Thumb, FingerCurl.FullCurl, 1.0);

/** Ours: index bent towards the thumb (half curl, full acceptable), thumb bent or out, middle/ring/pinky straight. */
const ok = new GestureDescription('ok');
ok.addCurl(Finger.Index, FingerCurl.HalfCurl, 1.0);
ok.addCurl(Finger.Index, FingerCurl.FullCurl, 0.8);
ok.addCurl(Finger.Thumb, FingerCurl.HalfCurl, 1.0);
ok.addCurl(Finger.Thumb, FingerCurl.NoCurl, 0.8);
for (const finger of [Finger.Middle, Finger.Ring, Finger.Pinky]) {
  ok.addCurl(finger, FingerCurl.NoCurl, 1.0);
  for (const d of UPWARDS) ok.addDirection(finger, d, 1.0);
}

/** Ours: all five fingers straight, the four fingers pointing up or diagonally up. */
const palm = new GestureDescription('palm');
palm.addCurl(Finger.Thumb, FingerCurl.NoCurl, 1.0);
for (const finger of FOUR) {
  palm.addCurl(finger, FingerCurl.NoCurl, 1.0);
  for (const d of UPWARDS) palm.addDirection(finger, d, 1.0);
}

/** Ours: the published Victory with the middle finger curled like ring and pinky. */
const one = new GestureDescription('one');
for (const d of UPWARDS) one.addDirection(Finger.Thumb, d, 1.0);
one.addCurl(Finger.Index, FingerCurl.NoCurl, 1.0);
for (const d of POINTING) one.addDirection(Finger.Index, d, 1.0);
for (const finger of [Finger.Middle, Finger.Ring, Finger.Pinky]) {
  one.addCurl(finger, FingerCurl.FullCurl, 1.0);
  one.addCurl(finger, FingerCurl.HalfCurl, 0.9);
}

/** Our descriptions, by fingerpose name. */
export const OUR_DESCRIPTIONS = { fist, ok, palm, one };

/** Every gesture given to the estimator: fingerpose's two published ones first, then ours. */
export const GESTURES = [Gestures.VictoryGesture, Gestures.ThumbsUpGesture, fist, ok, palm, one];

/** fingerpose gesture name → our class name. */
export const FINGERPOSE_TO_CLASS: Readonly<Record<string, string>> = { victory: 'peace', thumbs_up: 'thumbs_up', fist: 'fist', ok: 'ok', palm: 'palm', one: 'one' };

const estimator = new GestureEstimator(GESTURES);

/**
 * fingerpose's answer for one hand, mapped to our class names: `{ gesture, raw, score }`
 * (`gesture` is 'none' when nothing reaches the threshold; `score` is fingerpose's 0–10 score).
 */
export function fingerposeClassify(landmarks: readonly (readonly number[])[]): { gesture: string; raw: string | null; score: number } {
  const { gestures } = estimator.estimate(landmarks, FINGERPOSE_MIN_SCORE);
  let best: { name: string; score: number } | null = null;
  for (const g of gestures) if (!best || g.score > best.score) best = g;
  if (!best) return { gesture: 'none', raw: null, score: 0 };
  return { gesture: FINGERPOSE_TO_CLASS[best.name] ?? 'none', raw: best.name, score: best.score };
}

export const FINGERPOSE_VERSION = (require('fingerpose/package.json') as { version: string }).version;
