import { useEffect, useState } from 'react';
import type { GestureObserver } from '@gesture/react';

/** Frames the recognizer processed per second, from the detector's counter, updated every second. */
export function useFps(observer: GestureObserver): number {
  const [fps, setFps] = useState(0);
  useEffect(() => {
    const frames = () => observer.recognizer?.detector.stats.frames ?? 0;
    let last = { frames: frames(), time: performance.now() };
    const timer = setInterval(() => {
      const now = { frames: frames(), time: performance.now() };
      setFps(Math.max(0, ((now.frames - last.frames) * 1000) / (now.time - last.time)));
      last = now;
    }, 1000);
    return () => clearInterval(timer);
  }, [observer]);
  return fps;
}
