export { createGestureRecognizer } from './recognizer';
export type { FrameInput, GestureRecognizer, RecognizeResult, RecognizerEventOptions } from './recognizer';
export { createReplayRecognizer, replayEvents } from './replay';
export type { ReplayInput, ReplayOptions, ReplayRecognizer } from './replay';
export { resolveOptions } from './options';
export type { ClassifierOptions, RecognizerOptions, ResolvedRecognizerOptions, WorkerModeOptions } from './options';
export { DEFAULT_DEBOUNCE_OPTIONS, DEFAULT_PRESENCE_OPTIONS, EVENT_OPTION_KEYS, resolveEventOptions } from './event-options';
export type { DebounceOptions, EventOptions, PresenceOptions, ResolvedEventOptions } from './event-options';
export type { GestureErrorEvent, GestureEvent, GesturePhaseEvent, GestureWarningEvent, MotionEvent, PresenceEvent } from './events';
export { DEFAULT_MOTION_MEANINGS, DEFAULT_MOTION_OPTIONS, MOTION_GESTURES, MOTION_OPTION_KEYS, resolveMotionOptions } from './motion-options';
export type { MotionGestureName, MotionOptions, ResolvedMotionOptions } from './motion-options';
export { GestureObserver } from './observer/observer';
export type { GestureListener } from './observer/observer';
export type { GestureObserverOptions } from './observer/observer-options';
export type { ObservedRecognizer } from './observer/load';
export type { GestureObserverSource, ObservedFrames } from './observer/source';
export { IDLE_SNAPSHOT, reduceSnapshot } from './observer/snapshot';
export type { GestureSnapshot, GestureStatus, HeldGesture, PresenceState } from './observer/snapshot';
export { createFrameSource, isFrameSource } from './sources/frame-source';
export type { FrameSource, FrameSourceKind, OpenFrames } from './sources/frame-source';
export { fromFrames } from './sources/from-frames';
export type { FromFramesOptions } from './sources/from-frames';
export { fromVideoElement } from './sources/from-video-element';
export type { FromVideoElementOptions, VideoFrameProvider } from './sources/from-video-element';
export { fromRecording, isReplaySource } from './sources/from-recording';
export type { FromRecordingOptions, ReplaySource } from './sources/from-recording';
export { decodeFrame, encodeDetection, GESTURE_RECORDING_FORMAT, GESTURE_RECORDING_LIMITS, GESTURE_RECORDING_VERSION, RECORDING_PRECISION } from './recording/format';
export type { GestureRecording, RecordedFace, RecordedFrame, RecordedHand } from './recording/format';
export { validateRecording } from './recording/validate';
export { createRecorder } from './recording/recorder';
export type { GestureRecorder, RecorderOptions } from './recording/recorder';
export { DEFAULT_BACKEND_TIMEOUT_MS, resolveBackendOptions, startTfBackend } from './backend/start';
export { clearBackendChoice } from './backend/measure';
export { DEFAULT_BROWSER_WASM_PATH } from './backend/wasm';
export type { BackendAttempt, BackendInfo, BackendName, BackendOptions, ResolvedBackendOptions } from './backend/start';
export { createHandDetector } from './detect/create-hand-detector';
export type { CreateHandDetectorOptions } from './detect/create-hand-detector';
export { DEFAULT_HAND_DETECTOR_OPTIONS, resolveHandDetectorOptions } from './detect/options';
export type { HandDetectorOptions, ResolvedHandDetectorOptions } from './detect/options';
export type { DetectCallOptions, DetectMode, DetectorStats, HandDetector } from './detect/hand-detector';
export { pace } from './stages/pace';
export type { PaceEvent } from './stages/pace';
export { detect } from './stages/detect';
export { record } from './stages/record';
export { classify } from './stages/classify';
export { debounce } from './stages/debounce';
export type { DebounceFrame, DebounceHand } from './stages/debounce';
export { presence } from './stages/presence';
export { motion } from './stages/motion';
export { toEvents } from './stages/to-events';
export type { MotionFrame, MotionHand } from './stages/motion';
export type { PresenceFrame } from './stages/presence';
export { GestureRegistry } from './classify/registry';
export type { Classifier } from './classify/classifier';
export type { GestureInfo, RegisterOptions, RegistrationReport, RegistrationSample, RejectionReason } from './classify/registry';
export { DEFAULT_GESTURE_REGISTRY_OPTIONS } from './classify/options';
export type { DetectFunction, GestureRegistryOptions, ResolvedGestureRegistryOptions } from './classify/options';
export { GESTURE_PACK_FORMAT, GESTURE_PACK_LIMITS, GESTURE_PACK_VERSION, GESTURE_PACK_VERSIONS_READ, labelProblem, normalizeLabel, validateGesturePack } from './classify/pack';
export type { GesturePack, GesturePackGesture, GesturePackMotion } from './classify/pack';
export { MOTION_SAMPLE_MIN_FRAMES, MOTION_SAMPLE_MIN_MS, isMotionSample, motionTrack } from './motion/track';
export type { MotionSample, TimedLandmarks, TrackPoint } from './motion/track';
export { MotionSampleError } from './motion/sample-error';
export type { MotionSampleProblem } from './motion/sample-error';
export { SHAPE_POINTS, motionShape } from './motion/shape';
export type { MotionShape, TimedMotionShape } from './motion/shape';
export { dtwDistance } from './motion/dtw';
export { MotionTemplate, acceptanceThreshold, leaveOneOutDistances } from './motion/template';
export { CustomMotionMatcher } from './motion/custom-matcher';
export type { CustomMotion, CustomMotionMatch, CustomMotionSource } from './motion/custom-matcher';
export type { MotionReport } from './motion/register-motion';
export { BUILTIN_GESTURES, DEFAULT_MEANINGS, NO_GESTURE, SEED_GESTURES } from './classify/types';
export { RELAXED_SHAPES, RESTING_RULES, palmFacing, restingReason } from './classify/resting';
export type { RestingHandInput, RestingReason } from './classify/resting';
export { imageUp } from './classify/normalize';
export type { BuiltinGestureName, ClassifiedHand, GestureMatch, HandSample, Recognition } from './classify/types';
export { FRAME_LIMITS, frameToTensor } from './frame';
export { DEFAULT_BROWSER_MODEL_BASE_URL, MODEL_FILES, defaultModelBaseUrl, fileModelHandler, loadModel, resolveModelOptions } from './model-loader';
export type { ModelName, ModelOptions } from './model-loader';
export {
  BackendError,
  DisposedError,
  GestureError,
  GesturePackError,
  InvalidFrameError,
  InvalidOptionsError,
  ModelLoadError,
  RecordingError,
} from './errors';
export type {
  Box,
  BrowserImageSource,
  DetectedFace,
  DetectedHand,
  Detection,
  Frame,
  FrameData,
  HandLandmarks,
  Handedness,
  Point3,
  TimedFrame,
} from './types';
