/**
 * What only custom gestures need, in one chunk loaded on the first `register()` or `import()`
 * ({@link loadReferenceData}): the fitted reference data, and the code that learns gestures from
 * samples (the sample model and its augmented views) and writes the registration report. Apps
 * that use the built-ins alone never load it (it keeps `createGestureRecognizer` within its 30 kB
 * budget, docs/performance.md).
 */
export { BUILTIN_REFERENCES, SHAPE_WHITENING } from './reference-data';
export { learnSamples, nearestGesture } from './learn';
export { forecastSamples } from './report';
export { SampleModel } from './sample-model';
export { learnMotion } from '../motion/register-motion';
