import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Detector options that run the palm detector on every frame with no hand tracked, the face
 * detector with every palm-detector run, and check every palm candidate: the behaviour before the
 * idle budget and still-hand reuse (#19), under which the golden events were recorded.
 */
export const EVERY_FRAME = { idleDetectorFps: Infinity, faceDetectorFps: Infinity, skipPalmsOnFaces: false, stillHandMs: 0, stillSceneMs: 0, stillFalsePalmMs: 0 } as const;

/** The golden events file: events of {@link GOLDEN_CLIPS} recorded with {@link EVERY_FRAME}. */
export const GOLDEN = join(fileURLToPath(new URL('..', import.meta.url)), 'golden', 'events.json');

/** Clips with gestures, two hands, a face and presence changes, decoded at `fps` (in clips/). */
export const GOLDEN_CLIPS = [
  { file: 'mediapipe-samples_gesture_recognizer_test_video.mp4', fps: 10 },
  { file: 'fingerpose_fingers-lq.gif', fps: 10 },
  { file: 'hagrid-dynamic_dndv1.gif', fps: 15 },
  { file: 'intel_asl_help.mkv', fps: 15 },
] as const;
