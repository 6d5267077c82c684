import { useState, type RefObject } from 'react';
import type { GestureObserver, RegistrationReport } from '@gesture/react';
import { ReportView } from './ReportView';

const SAMPLES = 5;
const SAMPLE_GAP_MS = 300;

/** The current video frame as pixels (a copy: the video moves on). */
function grab(video: HTMLVideoElement): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(video, 0, 0);
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

interface TeachPanelProps {
  video: RefObject<HTMLVideoElement | null>;
  register: GestureObserver['register'];
  observer: GestureObserver;
  ready: boolean;
}

/** Teach a gesture: name it, capture 5 samples from the camera, read the report, export/import the pack. */
export function TeachPanel({ video, register, observer, ready }: TeachPanelProps) {
  const [name, setName] = useState('');
  const [progress, setProgress] = useState<string | null>(null);
  const [report, setReport] = useState<RegistrationReport | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function capture() {
    setReport(null);
    setMessage(null);
    try {
      const samples: ImageData[] = [];
      for (let i = 1; i <= SAMPLES; i++) {
        samples.push(grab(video.current!));
        setProgress(`Captured ${i}/${SAMPLES}`);
        if (i < SAMPLES) await new Promise((resolve) => setTimeout(resolve, SAMPLE_GAP_MS));
      }
      // Re-teaching a custom gesture replaces it; a built-in's name needs another name.
      const replace = observer.recognizer?.gestures.list().some((g) => g.name === name && g.kind === 'custom') ?? false;
      setReport(await register(name, samples, { replace }));
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setProgress(null);
    }
  }

  function exportPack() {
    download(JSON.stringify(observer.recognizer!.gestures.export(), null, 2), 'gesture-pack.json');
  }

  async function importPack(file: File | undefined) {
    if (!file) return;
    try {
      const names = await observer.recognizer!.gestures.import(JSON.parse(await file.text()));
      setMessage(`Imported: ${names.join(', ') || 'nothing'}`);
    } catch (error) {
      setMessage((error as Error).message);
    }
  }

  return (
    <section className="teach" aria-labelledby="teach-title">
      <h2 id="teach-title">Teach a gesture</h2>
      <form onSubmit={(event) => (event.preventDefault(), void capture())}>
        <label>
          Name <input data-testid="teach-name" value={name} onChange={(event) => setName(event.target.value.trim())} placeholder="e.g. three" required />
        </label>
        <button data-testid="teach-capture" disabled={!ready || !name || progress !== null}>
          Capture {SAMPLES} samples
        </button>
        {progress && <span data-testid="teach-progress"> {progress}</span>}
      </form>
      {report && (
        <ReportView
          report={report}
          testId="teach"
          unit="sample"
          registeredText={`Registered "${report.gesture}" from ${report.accepted}/${report.accepted + report.rejected.length} samples: show it now.`}
          notRegisteredText={`"${report.gesture}" was not registered: no sample held a usable hand.`}
          distinctHint="Pick a more distinct hand shape, or expect mix-ups."
        />
      )}
      <p>
        <button type="button" data-testid="teach-export" disabled={!ready} onClick={exportPack}>
          Export pack
        </button>{' '}
        <label>
          Import pack <input type="file" accept="application/json,.json" data-testid="teach-import" disabled={!ready} onChange={(event) => void importPack(event.target.files?.[0])} />
        </label>
      </p>
      {message && <p data-testid="teach-message">{message}</p>}
    </section>
  );
}
