import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import { DisposedError } from '../errors';
import { frameDataSize, frameToTensor } from '../frame';
import type { Box, DetectedFace, DetectedHand, Detection, Frame, HandLandmarks } from '../types';
import { FaceDetector } from './face-detector';
import type { DetectCallOptions, DetectMode, DetectorStats, HandDetector } from './hand-detector';
import type { ResolvedHandDetectorOptions } from './options';
import { HandLandmarkModel, type LandmarkResult } from './hand-landmarks';
import { PalmDetector } from './palm-detector';
import { frameRoi, retryRois } from './crop';
import { iou, landmarksBox, landmarksToRoi, type Roi } from './roi';
import type { Thumbnail } from './still';
import { forgetOld, freshClock, isClearRejection, isDue, isKnownFalse, isPalmDue, rejectedHere, tick, type DetectorClock, type RejectedPalm } from './video-schedule';

/** The loaded graph models the TF.js detector runs. */
export interface HandModels {
  handDetector: GraphModel;
  handLandmarks: GraphModel;
  faceDetector: GraphModel;
}

const now = (): number => performance.now();

/** Palm-detector score down to which a photo's candidates are checked when none above `minDetectorScore` was a hand (`retryOnMiss`; chosen on part A of the fixtures). */
const RETRY_PALM_SCORE = 0.2;

interface TrackedHand {
  id: number;
  roi: Roi;
  box: [number, number, number, number];
  /** The landmark model's last answer for this hand, the frame it ran on, and the hand's thumbnail there. */
  result: LandmarkResult;
  at: number;
  thumb: Thumbnail | null;
  /** Whether its last two landmark runs agreed on where it is (box IoU ≥ SETTLED_IOU): a hand still moving is never reused. */
  settled: boolean;
}

/** Box IoU of a hand's last two landmark runs from which it has settled (a held pose jitters by a pixel or two). */
const SETTLED_IOU = 0.9;

/** What carries from one video frame to the next. A standalone image gets a fresh one and leaves the video's alone. */
interface TrackingState {
  tracked: TrackedHand[];
  framesSinceDetector: number;
  lastFaces: DetectedFace[];
  /** When the palm and face detectors last ran (video only: a photo runs them always). */
  clock: DetectorClock;
  /** Candidates the landmark model rejected lately (video only). */
  rejected: RejectedPalm[];
  /** The whole frame's thumbnail at the last palm-detector run (video, `stillSceneMs` > 0), and when it ran. */
  scene: Thumbnail | null;
  sceneAt: number;
  /** The whole frame's thumbnail when the whole-frame pass last clearly found no hand, and when (`stillFalsePalmMs` > 0). */
  emptyFrame: { thumb: Thumbnail; at: number } | null;
}

const coldState = (): TrackingState => ({ tracked: [], framesSinceDetector: Infinity, lastFaces: [], clock: freshClock(), rejected: [], scene: null, sceneAt: -Infinity, emptyFrame: null });

/**
 * MediaPipe-style hand pipeline on TF.js: palm detector → rotated crop → 21 landmarks, with
 * tracking in video mode (the next crop comes from the previous landmarks; the detector is
 * skipped while every hand is tracked, and runs every `redetectEvery` frames to find new ones).
 * With no hand tracked it runs at most `idleDetectorFps` times a second (by frame timestamps), the
 * face detector at most `faceDetectorFps`, and palms that sit on a known face are not checked.
 */
export class TfjsHandDetector implements HandDetector {
  readonly stats: DetectorStats & { landmarkReuses: number; detectorSkips: number } = { frames: 0, detectorRuns: 0, landmarkRuns: 0, landmarkReuses: 0, detectorSkips: 0, faceRuns: 0, lastTimings: { detectorMs: 0, landmarksMs: 0, facesMs: 0, totalMs: 0 } };
  private timings = { detectorMs: 0, landmarksMs: 0, facesMs: 0, totalMs: 0 };
  private readonly palms: PalmDetector;
  private readonly landmarkModel: HandLandmarkModel;
  private readonly faceDetector: FaceDetector;
  /** Video-mode tracking; image-mode calls never touch it, so `recognize()` during `events()` does not reset it. */
  private video: TrackingState = coldState();
  private nextId = 1;
  private disposed = false;

  /**
   * `still`: the thumbnail functions (`./still`, a lazy chunk) when `stillHandMs`, `stillSceneMs` or
   * `stillFalsePalmMs` is on; without them all three are off.
   */
  constructor(private readonly models: HandModels, private readonly options: ResolvedHandDetectorOptions, private readonly still?: typeof import('./still')) {
    this.palms = new PalmDetector(models.handDetector);
    this.landmarkModel = new HandLandmarkModel(models.handLandmarks);
    this.faceDetector = new FaceDetector(models.faceDetector);
  }

  async detect(frame: Frame, call: DetectCallOptions = {}): Promise<Detection> {
    if (this.disposed) throw new DisposedError('HandDetector');
    const mode = call.mode ?? 'image';
    const started = now();
    this.timings = { detectorMs: 0, landmarksMs: 0, facesMs: 0, totalMs: 0 };
    // The pixels become a tensor only when a model needs them: an idle frame between detector
    // runs costs no conversion.
    let tensor: tf.Tensor4D | null = null;
    const toTensor = (): tf.Tensor4D => {
      if (tensor) return tensor;
      const pixels = frameToTensor(frame);
      tensor = tf.expandDims(pixels, 0) as tf.Tensor4D;
      pixels.dispose();
      return tensor;
    };
    const size = frameDataSize(frame) ?? { width: toTensor().shape[2], height: toTensor().shape[1] };
    const { width, height } = size;
    try {
      this.stats.frames += 1;
      const state = mode === 'image' ? coldState() : this.video;
      const timestamp = mode === 'image' ? undefined : call.timestamp;
      tick(state.clock, timestamp);
      const { hands, ranDetector, skipped } = await this.findHands(state, frame, toTensor, width, height, mode, timestamp);
      if (mode === 'image' && call.mirroredReading && hands.length > 0) await this.readMirrored(hands, frame, toTensor(), width, height);
      // `faceDetectorFps` limits the face detector on frames without hands only (presence changes
      // over seconds). With hands, it runs with every palm-detector run, as without the limit: the
      // classifier reads a hand that rests below or on a face against the faces of the same moment.
      let faces = state.lastFaces;
      // A palm-detector run skipped on a still scene (`stillSceneMs`) still runs the faces when due: presence reads them.
      if (this.options.faces && (mode === 'image' || ((ranDetector || skipped) && (hands.length > 0 || isDue(state.clock.faceAt, timestamp, this.options.faceDetectorFps))))) {
        this.stats.faceRuns += 1;
        const t = now();
        faces = await this.faceDetector.detect(toTensor(), width, height, this.options.minFaceScore);
        this.timings.facesMs = now() - t;
        state.lastFaces = faces;
        if (timestamp !== undefined) state.clock.faceAt = timestamp;
      } else if (!this.options.faces) faces = [];
      return { hands, faces, present: hands.length > 0 || faces.length > 0, width, height, timestamp: call.timestamp ?? 0 };
    } finally {
      (tensor as tf.Tensor4D | null)?.dispose();
      this.timings.totalMs = now() - started;
      this.stats.lastTimings = this.timings;
    }
  }

  private async findHands(state: TrackingState, frame: Frame, image: () => tf.Tensor4D, width: number, height: number, mode: DetectMode, timestamp: number | undefined): Promise<{ hands: DetectedHand[]; ranDetector: boolean; skipped: boolean }> {
    const o = this.options;
    const hands: { id: number; result: LandmarkResult; box: TrackedHand['box']; still?: TrackedHand; before?: Box }[] = [];
    // A hand's thumbnail (16×16 grey): from the bytes of raw pixels, else from the frame's tensor.
    const still = this.still!;
    // The still checks run on video frames with timestamps, when the thumbnail chunk is loaded.
    const video = !!this.still && mode === 'video' && timestamp !== undefined;
    /** Whether something recorded at `at` is less than `ms` old (and not from the future). */
    const within = (at: number, ms: number) => timestamp! - at >= 0 && timestamp! - at < ms;
    const stillCheck = video && o.stillHandMs > 0;
    const thumbnailAt = async (box: Box) => still.pixelThumbnail(frame, box) ?? (await still.thumbnailOf(image(), box));
    const thumbnail = (result: LandmarkResult) => thumbnailAt(still.handRegion(landmarksBox(result.landmarks)));
    // 1. Follow the hands we already track. One that looks as it did when the landmark model last
    //    ran (same place, thumbnail changed < STILL_HAND_CHANGE grey levels), less than
    //    `stillHandMs` ago, keeps those landmarks: no model run, and for raw pixels no conversion.
    let lost = false;
    for (const hand of state.tracked) {
      const unchanged = stillCheck && hand.thumb && hand.settled && within(hand.at, o.stillHandMs) ? still.isStillHand(await thumbnail(hand.result), hand.thumb) : false;
      if (unchanged) {
        this.stats.landmarkReuses += 1;
        hands.push({ id: hand.id, result: hand.result, box: hand.box, still: hand });
        continue;
      }
      // Raw pixels: only the part the crop reads becomes a tensor (the whole frame does if a detector runs).
      const result = (video && (await still.regionLandmarks(frame, hand.roi, (part, roi) => this.landmarks(() => part, roi)))) || (await this.landmarks(image, hand.roi));
      if (result.presence >= o.minTrackingPresence) hands.push({ id: hand.id, result, box: landmarksBox(result.landmarks), before: hand.box });
      else lost = true;
    }
    // 2. Look for new hands when one was just lost, when none is tracked and the idle budget allows
    //    (photos: always), or, while fewer than maxHands are tracked, every redetectEvery frames.
    state.framesSinceDetector += 1;
    const idle = hands.length === 0 && (mode === 'image' || isPalmDue(state.clock, timestamp, o.idleDetectorFps));
    let due = idle || (hands.length > 0 && hands.length < o.maxHands && state.framesSinceDetector >= o.redetectEvery);
    //    A due run is skipped while the whole frame looks as it did at the last run (no cell of its
    //    thumbnail changed by STILL_SCENE_CHANGE), less than `stillSceneMs` ago: nothing new to find.
    //    Never on the frame a hand is lost, nor after an ambiguous candidate (palmAt is then -Infinity).
    const sceneCheck = video && o.stillSceneMs > 0;
    const whole: Box = [0, 0, width, height];
    let scene: Thumbnail | null = null;
    let skipped = false;
    //    A skipped run counts as one for the schedule (the next is due when it would have been), so
    //    the detector keeps the phase it would have had, and a hand is found on the same frame.
    if (due && !lost && sceneCheck && state.scene && state.clock.palmAt > -Infinity && within(state.sceneAt, o.stillSceneMs)) {
      scene = await thumbnailAt(whole);
      if (still.isStillScene(scene, state.scene)) {
        due = false;
        skipped = true;
        this.stats.detectorSkips += 1;
        state.framesSinceDetector = 0;
        state.clock.palmAt = timestamp!;
      }
    }
    const ranDetector = due || lost;
    if (ranDetector) {
      state.framesSinceDetector = 0;
      if (sceneCheck) {
        state.scene = scene ?? (await thumbnailAt(whole));
        state.sceneAt = timestamp!;
      }
      if (timestamp !== undefined) state.clock.palmAt = timestamp;
      this.stats.detectorRuns += 1;
      const retry = mode === 'image' && o.retryOnMiss;
      const palmsIn = async (letterbox?: Roi, minScore = o.minDetectorScore) => {
        const t = now();
        const found = await this.palms.detect(image(), width, height, minScore, o.maxHands + 1, letterbox);
        this.timings.detectorMs += now() - t;
        return found;
      };
      const all = await palmsIn(undefined, retry ? Math.min(o.minDetectorScore, RETRY_PALM_SCORE) : o.minDetectorScore);
      const palms = all.filter((p) => p.score >= o.minDetectorScore);
      // On video, a palm the size and place of a face seen recently is that face: no landmark pass.
      const faces = mode === 'video' && o.skipPalmsOnFaces ? state.lastFaces : [];
      // With `stillFalsePalmMs`, a clear rejection keeps the thumbnail of its box and is remembered that long.
      const falseCheck = video && o.stillFalsePalmMs > 0;
      state.rejected = forgetOld(state.rejected, timestamp, falseCheck ? o.stillFalsePalmMs : 0);
      for (const palm of palms) {
        if (hands.length >= o.maxHands) break;
        if (faces.some((face) => iou(face.box, palm.box) >= 0.5)) continue;
        // The same static false positive (a neck, a shirt, a back) as a moment ago: no new pass.
        if (o.skipPalmsOnFaces && isKnownFalse(state.rejected, palm.box, timestamp)) continue;
        //    With `stillFalsePalmMs`, for that long while its pixels have not changed (a chair, a shirt).
        const known = falseCheck && o.skipPalmsOnFaces ? rejectedHere(state.rejected, palm.box) : undefined;
        if (known && still.isStillHand(await thumbnailAt(known.box), known.thumb!)) continue;
        // A palm inside a hand we already follow is that hand: skip its landmark pass.
        if (hands.some((h) => palm.roi.cx >= h.box[0] && palm.roi.cx <= h.box[0] + h.box[2] && palm.roi.cy >= h.box[1] && palm.roi.cy <= h.box[1] + h.box[3])) continue;
        const result = await this.landmarks(image, palm.roi);
        if (result.presence < o.minPresence) {
          // Something new that may be a hand not yet clear, e.g. one raised fast and blurred: look
          // again on the next frame instead of waiting out the idle budget.
          if (!isClearRejection(result.presence)) state.clock.palmAt = -Infinity;
          if (mode === 'video' && timestamp !== undefined) state.rejected.push({ box: palm.box, at: timestamp, presence: result.presence, ...(falseCheck && o.skipPalmsOnFaces && isClearRejection(result.presence) ? { thumb: await thumbnailAt(palm.box) } : {}) });
          continue;
        }
        const box = landmarksBox(result.landmarks);
        if (hands.some((h) => iou(h.box, box) > 0.3)) continue;
        hands.push({ id: this.nextId++, result, box });
      }
      // 3. A photo where the detector found no hand gets a second look (retryOnMiss): the frame with
      //    a margin (a close-up that fills it), each end of a wide frame (a small, far hand), then
      //    the whole frame's weaker palms.
      if (retry) {
        for (const roi of [...retryRois(width, height), undefined]) {
          if (hands.length > 0) break;
          if (roi) this.stats.detectorRuns += 1;
          for (const palm of roi ? await palmsIn(roi) : all.filter((p) => p.score < o.minDetectorScore)) {
            const result = await this.landmarks(image, palm.roi);
            const box = landmarksBox(result.landmarks);
            if (hands.length < o.maxHands && result.presence >= o.minPresence && !hands.some((h) => iou(h.box, box) > 0.3)) hands.push({ id: this.nextId++, result, box });
          }
        }
      }
      // 4. Close-ups: the palm detector misses a hand that fills the frame; one whole-frame landmark
      //    pass finds it. On video it is skipped while the last frame showed a face (a hand that
      //    fills the frame hides the face): a face-only scene saves one landmark pass per frame.
      //    With `stillFalsePalmMs`, also while the whole frame has changed too little for a hand to
      //    have come to fill it (mean change under CLOSE_UP_CHANGE) since this pass last clearly
      //    found nothing, for up to that long.
      if (hands.length === 0 && o.minFullFramePresence < 1 && state.lastFaces.length === 0) {
        const empty = state.emptyFrame;
        const frameNow = falseCheck ? (state.scene && state.sceneAt === timestamp ? state.scene : await thumbnailAt(whole)) : null;
        if (!(frameNow && empty && within(empty.at, o.stillFalsePalmMs) && still.isNoCloseUp(frameNow, empty.thumb))) {
          const result = await this.landmarks(image, frameRoi(width, height));
          if (result.presence >= o.minFullFramePresence) hands.push({ id: this.nextId++, result, box: landmarksBox(result.landmarks) });
          else if (frameNow && isClearRejection(result.presence)) state.emptyFrame = { thumb: frameNow, at: timestamp! };
        }
      }
    }
    // 5. A photo gets the crop a tracker would use on its next frame: one more pass from the
    //    landmarks' own ROI, kept unless the hand fades there.
    if (mode === 'image') {
      for (const hand of hands) {
        for (let pass = 0; pass < o.refinePasses; pass++) {
          const result = await this.landmarks(image, landmarksToRoi(hand.result.landmarks));
          if (result.presence < o.minTrackingPresence) break;
          hand.result = result;
          hand.box = landmarksBox(result.landmarks);
        }
      }
    }
    if (hands.length > 0 && timestamp !== undefined) state.clock.handAt = timestamp;
    state.tracked = [];
    for (const h of hands) {
      const settled = !!h.before && iou(h.before, h.box) >= SETTLED_IOU;
      state.tracked.push(h.still ?? { id: h.id, roi: landmarksToRoi(h.result.landmarks), box: h.box, result: h.result, at: timestamp ?? 0, thumb: stillCheck && settled ? await thumbnail(h.result) : null, settled });
    }
    return { hands: hands.map((h) => this.toHand(h.id, h.result, width)), ranDetector, skipped };
  }

  /**
   * The photo's hands found again on the photo mirrored left to right (the whole image-mode
   * pipeline on the flipped pixels); each hand that has a counterpart there (box IoU > 0.3) gets
   * its landmarks, flipped back, as `mirroredReading`.
   */
  private async readMirrored(hands: DetectedHand[], frame: Frame, image: tf.Tensor4D, width: number, height: number): Promise<void> {
    const flipped = tf.reverse(image, 2);
    try {
      const found = await this.findHands(coldState(), frame, () => flipped, width, height, 'image', undefined);
      // Their x in the flipped frame (after any `mirror` mapping) is width − x in this one.
      const back = found.hands.map((h) => h.landmarks.map(([x, y, z]): [number, number, number] => [width - x, y, z]));
      for (const hand of hands) {
        let best = -1;
        let overlap = 0.3;
        back.forEach((points, i) => {
          const o = iou(hand.box, landmarksBox(points));
          if (o > overlap) [best, overlap] = [i, o];
        });
        if (best >= 0) hand.mirroredReading = back[best];
      }
    } finally {
      flipped.dispose();
    }
  }

  private async landmarks(image: () => tf.Tensor4D, roi: Roi): Promise<LandmarkResult> {
    this.stats.landmarkRuns += 1;
    const t = now();
    const result = await this.landmarkModel.estimate(image(), roi);
    this.timings.landmarksMs += now() - t;
    return result;
  }

  private toHand(id: number, result: LandmarkResult, width: number): DetectedHand {
    // The model assumes a mirrored (selfie) image; camera frames are not mirrored, so its label is swapped.
    const right = 1 - result.rightInMirrored;
    const landmarks: HandLandmarks = this.options.mirror ? result.landmarks.map(([x, y, z]) => [width - x, y, z]) : result.landmarks;
    return {
      id,
      box: landmarksBox(landmarks),
      landmarks,
      handedness: right >= 0.5 ? 'right' : 'left',
      handednessScore: Math.max(right, 1 - right),
      presence: result.presence,
      score: result.presence,
    };
  }

  reset(): void {
    this.video = coldState();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.palms.dispose();
    this.faceDetector.dispose();
    this.models.handDetector.dispose();
    this.models.handLandmarks.dispose();
    this.models.faceDetector.dispose();
  }
}
