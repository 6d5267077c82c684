export { createGestureRecognizer } from './recognizer';
export type { FrameInput, GestureRecognizer, RecognizeResult } from './recognizer';
export { DEFAULT_DEBOUNCE_OPTIONS, DEFAULT_PRESENCE_OPTIONS, resolveEventOptions, resolveOptions } from './options';
export type { DebounceOptions, EventOptions, PresenceOptions, RecognizerOptions, ResolvedRecognizerOptions } from './options';
export type { GestureErrorEvent, GestureEvent, GesturePhaseEvent, GestureWarningEvent, PresenceEvent } from './events';
export { GestureObserver } from './observer';
export type { GestureListener, GestureObserverOptions, GestureObserverSource, GestureSnapshot, GestureStatus, HeldGesture, PresenceState } from './observer';
export { createFrameSource, isFrameSource } from './sources/frame-source';
export type { FrameSource, FrameSourceKind, OpenFrames } from './sources/frame-source';
export { fromFrames } from './sources/from-frames';
export type { FromFramesOptions } from './sources/from-frames';
export { fromVideoElement } from './sources/from-video-element';
export type { FromVideoElementOptions, VideoFrameProvider } from './sources/from-video-element';
export { DEFAULT_BROWSER_WASM_PATH, startTfBackend } from './backend';
export type { BackendAttempt, BackendInfo, BackendName, BackendOptions } from './backend';
export { createHandDetector } from './detect/create-hand-detector';
export type { CreateHandDetectorOptions } from './detect/create-hand-detector';
export { DEFAULT_HAND_DETECTOR_OPTIONS } from './detect/hand-detector';
export type { DetectCallOptions, DetectMode, DetectorStats, HandDetector, HandDetectorOptions } from './detect/hand-detector';
export { detect } from './stages/detect';
export { classify } from './stages/classify';
export { debounce } from './stages/debounce';
export type { DebounceFrame, DebounceHand } from './stages/debounce';
export { presence } from './stages/presence';
export type { PresenceFrame } from './stages/presence';
export { GestureRegistry } from './classify/registry';
export type { GestureInfo, RegisterOptions, RegistrationReport, RegistrationSample, RejectionReason } from './classify/registry';
export type { Classifier } from './classify/classifier';
export { DEFAULT_GESTURE_REGISTRY_OPTIONS } from './classify/options';
export type { DetectFunction, GestureRegistryOptions, ResolvedGestureRegistryOptions } from './classify/options';
export { GESTURE_PACK_FORMAT, GESTURE_PACK_VERSION, validateGesturePack } from './classify/pack';
export type { GesturePack, GesturePackGesture } from './classify/pack';
export { BUILTIN_GESTURES, DEFAULT_MEANINGS, NO_GESTURE } from './classify/types';
export type { BuiltinGestureName, ClassifiedHand, GestureMatch, HandSample, Recognition } from './classify/types';
export { frameToTensor } from './frame';
export { DEFAULT_BROWSER_MODEL_BASE_URL, MODEL_FILES, defaultModelBaseUrl, fileModelHandler, loadModel } from './model-loader';
export type { ModelName, ModelOptions } from './model-loader';
export {
  BackendError,
  DisposedError,
  GestureError,
  GesturePackError,
  InvalidFrameError,
  InvalidOptionsError,
  ModelLoadError,
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
