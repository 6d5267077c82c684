import type { GestureRecorder } from '@gesture/react';

/**
 * Saves what the recorder tapped as `gesture-session-<time>.json`: replay it in a test with
 * `useGesture({ source: fromRecording(recording) })` or on the command line with `gesture replay`.
 */
export function downloadRecording(recorder: GestureRecorder): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(recorder.toJSON())], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: `gesture-session-${Date.now()}.json` });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
