import { useGesture, type GestureObserverSource } from '@gesture/react';

/**
 * A meeting tile: a raised palm held for 500 ms opens the question card, and the video is covered
 * while nobody is in view. In the app `source` is the camera's `<video>`; in tests, a recording.
 */
export function MeetingTile({ source }: { source: GestureObserverSource }) {
  const { meaning, presence } = useGesture({ source, minHoldMs: 500, awayAfterMs: 2000 });
  return (
    <section aria-label="tile">
      {meaning === 'question' && <div role="dialog" aria-label="question">✋ Has a question</div>}
      {presence === 'away' && <div data-testid="cover">Away from keyboard</div>}
    </section>
  );
}
