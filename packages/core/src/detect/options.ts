import { bool, fraction, isResolved, markResolved, milliseconds, pick, positiveInt, requireObject, stripUndefined, validate, type Check } from '../option-checks';

/** Options of the hand detector. */
export interface HandDetectorOptions {
  /** Most hands reported per frame. Defaults to `2`. */
  maxHands?: number;
  /** Palm-detector score a candidate needs before the landmark model checks it. Defaults to `0.5`. */
  minDetectorScore?: number;
  /** Landmark presence a new hand needs; this is what rejects faces and clothes. Defaults to `0.7`. */
  minPresence?: number;
  /** Landmark presence a tracked hand needs to stay tracked. Defaults to `0.5`. */
  minTrackingPresence?: number;
  /**
   * Presence a hand found by the whole-frame fallback needs (run when the detector finds nothing,
   * for close-ups where the hand fills the frame). On video frames it is skipped while the
   * previous frame showed a face. `1` turns the fallback off. Defaults to `0.9`.
   */
  minFullFramePresence?: number;
  /**
   * Extra landmark passes for each hand of an image-mode frame (a photo), each on the crop the
   * previous pass's landmarks give: the crop tracking uses on the next video frame, which fits the
   * hand better than the palm detector's. One pass costs one landmark run (~35 ms on WASM) per hand
   * and is what lifts few-shot accuracy from 86 % to 93 % (docs/detect.md). `0` turns it off.
   * Defaults to `1`.
   */
  refinePasses?: number;
  /**
   * On a photo (image mode) where the palm detector finds no hand on the whole frame, run it again
   * on the frame with a margin (a close-up whose hand fills the photo) and, on a frame more than
   * 1.2× as wide as tall (or tall as wide), on a square at each end (a small, far-away hand); then
   * check the whole frame's candidates scoring 0.2 up to `minDetectorScore`. Up to three more
   * detector runs, paid only by photos with no hand found. Video is unchanged.
   * Defaults to `true`.
   */
  retryOnMiss?: boolean;
  /**
   * While at least one but fewer than `maxHands` hands are tracked, run the palm detector every
   * this many video frames to find another (with none tracked, `idleDetectorFps` applies; a hand
   * lost is looked for at once). Each search is one palm-detector run (≈ 65 ms on WASM), so a
   * second hand raised while one is tracked is found up to this many frames later. Defaults to
   * `30` (once a second at 30 fps, every 2 s at 15 fps; 15 before 2026-12: twice the searches).
   */
  redetectEvery?: number;
  /**
   * While no hand is tracked, the palm detector runs on at most this many video frames per second,
   * by the frames' timestamps (frames in between are cheap: no model runs). A hand that appears
   * is found at the next run, so a gesture's `start` can come up to `1000 / idleDetectorFps` ms
   * later than with a detector on every frame. Within half a second of the last frame with a hand, and
   * after a candidate the landmark model did not accept, it runs on every frame regardless. `Infinity` runs it on every frame. Photos (image mode) always run it.
   * Defaults to `3`.
   */
  idleDetectorFps?: number;
  /**
   * On video frames without a hand, the face detector (which feeds presence) runs with the palm
   * detector but at most this many times per second, by the frames' timestamps: presence changes
   * over seconds. On frames with hands it runs with every palm-detector run, so that resting hands
   * are judged against current faces. `Infinity` runs it with every palm-detector run. Defaults to `2`.
   */
  faceDetectorFps?: number;
  /**
   * On video frames, a palm candidate whose box overlaps a detected face (IoU ≥ 0.5) is taken for
   * that face, and one at the place of a candidate the landmark model clearly rejected (presence
   * < 0.2) within the last second is taken for the same false positive (a neck, a shirt): neither
   * is sent to the landmark model. Photos always check every candidate. Defaults to `true`.
   */
  skipPalmsOnFaces?: boolean;
  /**
   * On video frames, a tracked hand that holds still keeps its last landmarks for up to this many
   * ms (by the frames' timestamps) instead of running the landmark model again: "still" means its
   * last two runs agreed on where it is and a 16×16 grey thumbnail of the hand's box changed by
   * less than 2 grey levels on average since the model last ran. A hand that moves or changes
   * shape changes its thumbnail and is run at once;
   * a still one is run again at least every `stillHandMs`. `0` runs the model on every frame.
   * Defaults to `500`.
   */
  stillHandMs?: number;
  /**
   * On video frames, a palm-detector run that is due (the idle budget, or `redetectEvery` while
   * fewer than `maxHands` are tracked) is skipped while the whole frame looks as it did at the
   * last run (no cell of a 16×16 grey thumbnail changed by 10 grey levels or more), for up to this
   * many ms after that run: a hand that comes into view changes the frame and is looked for at
   * once. Never skipped on the frame a hand is lost or after an ambiguous candidate; the face
   * detector still runs on a skipped frame when `faceDetectorFps` allows. `0` turns it off.
   * Defaults to `1000`.
   */
  stillSceneMs?: number;
  /**
   * On video frames, a palm candidate the landmark model clearly rejected (presence < 0.2: a
   * chair, a shirt, a back) is not checked again at the same place (box IoU ≥ 0.7) for up to this
   * many ms while a 16×16 grey thumbnail of its box has changed by less than 2 grey levels on
   * average (beyond the 1 s of `skipPalmsOnFaces`, which it needs). Likewise the whole-frame
   * landmark pass (`minFullFramePresence`) is not repeated while the whole frame's thumbnail has
   * changed by less than 15 grey levels on average since that pass last clearly found no hand: too
   * little for a hand to have come close enough to fill the frame (people walking about a room
   * change it by 3–13). Anything that changes the pixels there is checked at the next detector run.
   * `0` turns it off.
   * Defaults to `5000`.
   */
  stillFalsePalmMs?: number;
  /** Run the face detector (feeds presence). Defaults to `true`. */
  faces?: boolean;
  /** Face-detector score for a face. Defaults to `0.6`. */
  minFaceScore?: number;
  /**
   * Frames are shown mirrored (a selfie preview): landmarks are reported flipped horizontally so
   * they line up with the mirrored view. Handedness is always the person's real hand.
   * Defaults to `false`.
   */
  mirror?: boolean;
}

const perSecond: Check = (v) => typeof v === 'number' && v > 0;

export const DEFAULT_HAND_DETECTOR_OPTIONS: Readonly<Required<HandDetectorOptions>> = {
  maxHands: 2,
  minDetectorScore: 0.5,
  minPresence: 0.7,
  minTrackingPresence: 0.5,
  minFullFramePresence: 0.9,
  refinePasses: 1,
  retryOnMiss: true,
  redetectEvery: 30,
  idleDetectorFps: 3,
  faceDetectorFps: 2,
  skipPalmsOnFaces: true,
  stillHandMs: 500,
  stillSceneMs: 1000,
  stillFalsePalmMs: 5000,
  faces: true,
  minFaceScore: 0.6,
  mirror: false,
};

/** {@link HandDetectorOptions} with every field filled in and validated. */
export type ResolvedHandDetectorOptions = Readonly<Required<HandDetectorOptions>>;

const CHECKS: Record<keyof Required<HandDetectorOptions>, readonly [Check, string]> = {
  maxHands: [(v) => positiveInt(v) && (v as number) <= 8, 'an integer in 1..8'],
  minDetectorScore: [fraction, 'a number in [0, 1]'],
  minPresence: [fraction, 'a number in [0, 1]'],
  minTrackingPresence: [fraction, 'a number in [0, 1]'],
  minFullFramePresence: [fraction, 'a number in [0, 1]'],
  refinePasses: [(v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 4, 'an integer in 0..4'],
  retryOnMiss: [bool, 'a boolean'],
  redetectEvery: [positiveInt, 'an integer ≥ 1'],
  idleDetectorFps: [perSecond, 'a number > 0 (Infinity: every frame)'],
  faceDetectorFps: [perSecond, 'a number > 0 (Infinity: with every palm-detector run)'],
  skipPalmsOnFaces: [bool, 'a boolean'],
  stillHandMs: [milliseconds, 'a number of ms ≥ 0'],
  stillSceneMs: [milliseconds, 'a number of ms ≥ 0'],
  stillFalsePalmMs: [milliseconds, 'a number of ms ≥ 0'],
  faces: [bool, 'a boolean'],
  minFaceScore: [fraction, 'a number in [0, 1]'],
  mirror: [bool, 'a boolean'],
};

/** The names of the hand-detector options. */
export const HAND_DETECTOR_OPTION_KEYS = /* @__PURE__ */ Object.keys(CHECKS) as readonly (keyof HandDetectorOptions)[];

/**
 * Fills in and validates the hand-detector options (fields that are not detector options are
 * ignored). Throws `InvalidOptionsError` naming the first bad option. An object this function
 * returned is given back as it is.
 *
 * @example
 * resolveHandDetectorOptions({ maxHands: 1 }).minPresence; // 0.7
 */
export function resolveHandDetectorOptions(options: HandDetectorOptions = {}): ResolvedHandDetectorOptions {
  if (isResolved('detector', options)) return options as ResolvedHandDetectorOptions;
  requireObject(options);
  const resolved = { ...DEFAULT_HAND_DETECTOR_OPTIONS, ...stripUndefined(pick(options, HAND_DETECTOR_OPTION_KEYS)) } as Required<HandDetectorOptions>;
  validate(resolved, CHECKS);
  return markResolved('detector', resolved);
}
