/**
 * Detector options that run the palm detector on every frame with no hand tracked, the face
 * detector with every palm-detector run, and check every palm candidate: the behaviour before the
 * idle budget and still-hand reuse (#19), under which the golden events were recorded.
 */
export const EVERY_FRAME = { idleDetectorFps: Infinity, faceDetectorFps: Infinity, skipPalmsOnFaces: false, stillHandMs: 0, stillSceneMs: 0, stillFalsePalmMs: 0 } as const;
