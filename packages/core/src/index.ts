export { createGestureRecognizer } from './recognizer';
export type { GestureRecognizer, RecognizeResult } from './recognizer';
export { resolveOptions } from './options';
export type { RecognizerOptions, ResolvedRecognizerOptions } from './options';
export { startTfBackend } from './backend';
export type { BackendInfo, BackendName, BackendOptions } from './backend';
export { createHandDetector } from './detect/create-hand-detector';
export type { CreateHandDetectorOptions } from './detect/create-hand-detector';
export { DEFAULT_HAND_DETECTOR_OPTIONS } from './detect/hand-detector';
export type { DetectCallOptions, DetectMode, DetectorStats, HandDetector, HandDetectorOptions } from './detect/hand-detector';
export { detect } from './stages/detect';
export { frameToTensor } from './frame';
export { MODEL_FILES, defaultModelBaseUrl, fileModelHandler, loadModel } from './model-loader';
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
