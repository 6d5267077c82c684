// Re-exports the core, so installing this one package is enough.
export * from '@gesture/core';
export { useGesture } from './use-gesture';
export type { UseGestureOptions, UseGestureReturn } from './use-gesture';
