import { useState, type RefObject } from 'react';
import type { GestureObserver, RegistrationReport, TimedLandmarks } from '@gesture/react';
import { ReportView } from './ReportView';

const TAKES = 3;
const TAKE_MS = 2000;
const PAUSE_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The current video frame as pixels (a copy: the video moves on). */
function grab(video: HTMLVideoElement): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(video, 0, 0);
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

interface TeachMotionProps {
  video: RefObject<HTMLVideoElement | null>;
  observer: GestureObserver;
  ready: boolean;
}

/** Teach a motion gesture: name it, perform it 3 times (2 s each), read the report. */
export function TeachMotion({ video, observer, ready }: TeachMotionProps) {
  const [name, setName] = useState('');
  const [progress, setProgress] = useState<string | null>(null);
  const [report, setReport] = useState<RegistrationReport | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  /** One take: the hand's landmarks, frame after frame, for TAKE_MS. */
  async function recordTake(): Promise<TimedLandmarks[]> {
    const frames: TimedLandmarks[] = [];
    const end = performance.now() + TAKE_MS;
    while (performance.now() < end) {
      const timestamp = performance.now();
      const { hands } = await observer.recognizer!.recognize(grab(video.current!));
      frames.push({ timestamp, landmarks: hands[0]?.landmarks ?? null, handedness: hands[0]?.handedness ?? 'right' });
    }
    return frames;
  }

  async function record() {
    setReport(null);
    setMessage(null);
    try {
      const takes: TimedLandmarks[][] = [];
      for (let i = 1; i <= TAKES; i++) {
        setProgress(`Take ${i}/${TAKES}: move now`);
        takes.push(await recordTake());
        if (i < TAKES) {
          setProgress(`Take ${i}/${TAKES} done; rest your hand`);
          await sleep(PAUSE_MS);
        }
      }
      const replace = observer.recognizer?.gestures.list().some((g) => g.name === name && g.kind !== 'builtin') ?? false;
      setReport(await observer.register(name, takes, { replace }));
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setProgress(null);
    }
  }

  return (
    <section className="teach" aria-labelledby="teach-motion-title">
      <h2 id="teach-motion-title">Teach a movement</h2>
      <form onSubmit={(event) => (event.preventDefault(), void record())}>
        <label>
          Name <input data-testid="motion-name" value={name} onChange={(event) => setName(event.target.value.trim())} placeholder="e.g. circle" required />
        </label>
        <button data-testid="motion-record" disabled={!ready || !name || progress !== null}>
          Record {TAKES} times
        </button>
        {progress && <span data-testid="motion-progress"> {progress}</span>}
      </form>
      {report && (
        <ReportView
          report={report}
          testId="motion"
          unit="take"
          registeredText={`Registered "${report.gesture}" from ${report.accepted}/${report.accepted + report.rejected.length} takes: do it now.`}
          notRegisteredText={`"${report.gesture}" was not registered.`}
          distinctHint="Try a more distinct movement."
        />
      )}
      {message && <p data-testid="motion-message">{message}</p>}
    </section>
  );
}
