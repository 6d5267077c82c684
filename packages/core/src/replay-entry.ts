/** `@gesture/core/replay`: replaying recordings without TF.js. Nothing here imports a model, a backend or `@tensorflow/*`. */
export { createReplayRecognizer, replayEvents } from './replay';
export type { ReplayInput, ReplayOptions, ReplayRecognizer } from './replay';
export { fromRecording, isReplaySource } from './sources/from-recording';
export type { FromRecordingOptions, ReplaySource } from './sources/from-recording';
export { decodeFrame, GESTURE_RECORDING_FORMAT, GESTURE_RECORDING_LIMITS, GESTURE_RECORDING_VERSION, RECORDING_PRECISION } from './recording/format';
export type { GestureRecording, RecordedFace, RecordedFrame, RecordedHand } from './recording/format';
export { validateRecording } from './recording/validate';
export { GestureRegistry } from './classify/registry';
export { GestureError, RecordingError } from './errors';
