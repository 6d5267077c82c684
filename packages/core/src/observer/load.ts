import type { Observable } from 'rxjs';
import { CLASSIFIER_OPTION_KEYS } from '../classify/options';
import { EVENT_OPTION_KEYS } from '../event-options';
import type { GestureEvent } from '../events';
import { pick } from '../option-checks';
import { createGestureRecognizer, type GestureRecognizer } from '../recognizer';
import { createReplayRecognizer, type ReplayOptions, type ReplayRecognizer } from '../replay';
import { isReplaySource } from '../sources/from-recording';
import type { GestureObserverOptions } from './observer-options';
import { recognizerOptionsOf } from './option-equality';

/** What an observer runs on: a recognizer with models, or a replay one (no models) for a `fromRecording()` source. */
export type ObservedRecognizer = GestureRecognizer | ReplayRecognizer;

/**
 * The recognizer an observer's options call for: for a `fromRecording()` source a replay
 * recognizer (no model, no backend), else `createGestureRecognizer()` with the recognizer options.
 *
 * @example
 * const recognizer = await loadRecognizer({ source: fromRecording(recording) }); // a ReplayRecognizer
 */
export function loadRecognizer(options: GestureObserverOptions): ObservedRecognizer | Promise<ObservedRecognizer> {
  if (isReplaySource(options.source)) return createReplayRecognizer(pick(options, [...CLASSIFIER_OPTION_KEYS, ...EVENT_OPTION_KEYS]) as ReplayOptions);
  return createGestureRecognizer(recognizerOptionsOf(options));
}

/**
 * `events()` of either kind of recognizer, on the source the observer's options gave (the
 * observer reloads when the source changes between a recording and frames, so they match).
 *
 * @example
 * observeEvents(recognizer, toFrames(options.source), options).subscribe(apply);
 */
export function observeEvents(recognizer: ObservedRecognizer, source: Observable<unknown>, options: GestureObserverOptions): Observable<GestureEvent> {
  return (recognizer.events as (source: Observable<unknown>, options: GestureObserverOptions) => Observable<GestureEvent>)(source, options);
}
