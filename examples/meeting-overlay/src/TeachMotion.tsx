import { useRef, useState } from 'react';
import type { GestureObserver, GestureRecorder, GestureRecording, RegistrationReport } from '@gesture/react';
import { ReportView } from './ReportView';

const TAKES = 3;
const TAKE_MS = 2000;
const PAUSE_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface TeachMotionProps {
  observer: GestureObserver;
  ready: boolean;
  /** The recorder tapping the live pipeline's detections (null while nothing records). */
  recorder: GestureRecorder | null;
  /** Asks the app to record the live detections (`true`) for the takes, or to stop (`false`). */
  onRecording(on: boolean): void;
}

/**
 * Teach a motion gesture: name it, perform it 3 times (2 s each), read the report. The takes are
 * the live pipeline's detections (tracked hands, every frame the camera gives), not frames grabbed
 * and detected one by one, which on a slow machine gave only 3–4 frames a take.
 */
export function TeachMotion({ observer, ready, recorder, onRecording }: TeachMotionProps) {
  const [name, setName] = useState('');
  const [progress, setProgress] = useState<string | null>(null);
  const [report, setReport] = useState<RegistrationReport | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const live = useRef(recorder);
  live.current = recorder;

  /** The recorder once the pipeline records into it and frames arrive. */
  async function recording(): Promise<GestureRecorder> {
    for (let waited = 0; waited < 10_000; waited += 100) {
      const current = live.current;
      if (current && current.frameCount > 0) return current;
      await sleep(100);
    }
    throw new Error('No frames came from the camera.');
  }

  /** One take: what the detector found in the live frames for TAKE_MS. */
  async function recordTake(recorder: GestureRecorder): Promise<GestureRecording> {
    const from = recorder.frameCount;
    await sleep(TAKE_MS);
    const all = recorder.toJSON();
    return { ...all, frames: all.frames.slice(from) };
  }

  async function record() {
    setReport(null);
    setMessage(null);
    onRecording(true);
    try {
      setProgress('Starting…');
      const recorder = await recording();
      const takes: GestureRecording[] = [];
      for (let i = 1; i <= TAKES; i++) {
        setProgress(`Take ${i}/${TAKES}: move now`);
        takes.push(await recordTake(recorder));
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
      onRecording(false);
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
