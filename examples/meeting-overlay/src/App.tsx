import { useEffect, useRef, useState } from 'react';
import { createRecorder, useGesture, type BackendName, type GestureRecorder } from '@gesture/react';
import { paintOverlay, type OverlayState } from './overlay';
import { downloadRecording } from './recording';
import { TeachMotion } from './TeachMotion';
import { TeachPanel } from './TeachPanel';
import { useFps } from './use-fps';

/** The icon shown for each meaning of the built-in gestures and motions; custom ones get a star. */
const ICONS: Record<string, string> = {
  no: '🚫', yes: '👌', question: '✋', comment: '☝️', goodbye: '👋',
  like: '👍', dislike: '👎', call: '🤙', rock: '🤘',
  hello: '👋', next: '➡️', previous: '⬅️', up: '⬆️', down: '⬇️',
};
/** How long a motion (a wave, a swipe, a taught movement) stays on screen after it is recognised. */
const MOTION_SHOWN_MS = 2000;

// Models and WASM binaries are served by the app itself (vite.config.ts), never fetched from a CDN.
// `?backend=wasm` picks a backend; the default tries WebGL, then WASM, then CPU.
// The models run in a Web Worker unless `?worker=0` (or the switch on the page) says otherwise.
const PARAMS = new URLSearchParams(location.search);
const OPTIONS = {
  camera: { width: { ideal: 640 }, height: { ideal: 480 } },
  backend: (PARAMS.get('backend') ?? 'auto') as BackendName,
  modelBaseUrl: `${import.meta.env.BASE_URL}models/`,
  wasmPath: `${import.meta.env.BASE_URL}wasm/`,
};

export function App() {
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  // While a recorder is set, what the detector finds per frame is recorded (for tests: docs/replay.md).
  const [recorder, setRecorder] = useState<GestureRecorder | null>(null);
  // The motion teach panel's takes are recorded the same way (into the session's recorder if one runs).
  const [takes, setTakes] = useState<GestureRecorder | null>(null);
  const live = recorder ?? takes;
  // Worker mode keeps the page smooth; switching it reloads the models in the other mode, to compare.
  const [worker, setWorker] = useState(PARAMS.get('worker') !== '0');
  const { status, gesture, meaning, presence, backend, error, register, observer, motion } = useGesture({ video, ...OPTIONS, worker, recorder: live });
  const inWorker = backend?.reason.endsWith('in a Web Worker') ?? false;
  // A motion is one event, not a held state: show it for a moment.
  const [shownMotion, setShownMotion] = useState<typeof motion>(null);
  useEffect(() => {
    if (!motion) return;
    setShownMotion(motion);
    const timer = setTimeout(() => setShownMotion(null), MOTION_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [motion]);
  const toggleRecording = () => {
    if (recorder) downloadRecording(recorder);
    setRecorder(recorder ? null : createRecorder());
  };
  const fps = useFps(observer);
  const away = presence === 'away';
  const held = gesture === null ? null : { icon: (meaning !== null && ICONS[meaning]) || '⭐', text: meaning ?? gesture };
  const moved = shownMotion && { icon: (shownMotion.meaning !== null && ICONS[shownMotion.meaning]) || '⭐', text: shownMotion.meaning ?? shownMotion.gesture };
  const label = moved ?? held;

  // Paint camera + overlay into the canvas on every animation frame; the canvas is the outgoing video.
  const overlay = useRef<OverlayState>({ label, away });
  overlay.current = { label, away };
  useEffect(() => {
    let frame = requestAnimationFrame(function paint() {
      if (canvas.current && video.current) paintOverlay(canvas.current, video.current, overlay.current);
      frame = requestAnimationFrame(paint);
    });
    return () => cancelAnimationFrame(frame);
  }, []);

  // The overlaid canvas as a MediaStream, ready to replace the camera track of a call.
  const [stream, setStream] = useState<MediaStream | null>(null);
  useEffect(() => {
    const captured = canvas.current!.captureStream(30);
    setStream(captured);
    return () => captured.getTracks().forEach((track) => track.stop());
  }, []);

  return (
    <main>
      <h1>Meeting overlay</h1>
      <section className="stage">
        <canvas ref={canvas} data-testid="overlay-canvas" width={640} height={480} />
        <video ref={video} data-testid="camera" className="self-view" muted playsInline />
      </section>
      <p className="status">
        <span data-testid="status" data-status={status}>{status}</span>
        {' · backend '}
        <span data-testid="backend">{backend ? `${backend.name}${backend.simd ? ' (SIMD)' : ''}` : '…'}</span>
        {' · '}
        <label>
          <input type="checkbox" data-testid="worker-switch" checked={worker} onChange={(e) => setWorker(e.target.checked)} /> models in a Web Worker
        </label>{' '}
        <span data-testid="worker-mode" data-worker={backend ? String(inWorker) : ''}>({backend ? (inWorker ? 'worker' : 'main thread') : '…'})</span>
        {' · '}
        <span data-testid="fps">{fps.toFixed(1)}</span> fps
        {' · '}
        {label ? (
          <span data-testid="gesture-icon" data-meaning={meaning ?? ''} data-gesture={gesture}>
            {label.icon} {label.text}
          </span>
        ) : (
          <span>no gesture</span>
        )}
        {shownMotion && <span data-testid="motion-icon" data-gesture={shownMotion.gesture} data-meaning={shownMotion.meaning ?? ''}> · {shownMotion.gesture}</span>}
        {away && <span data-testid="away-cover"> · Away (video covered)</span>}
      </p>
      <p>
        <button type="button" data-testid="record" onClick={toggleRecording} disabled={status !== 'ready'}>
          {recorder ? '⏹ Stop and download recording' : '⏺ Record session'}
        </button>
      </p>
      {error && <p role="alert" data-testid="error">{error.message}</p>}
      <section className="outgoing">
        <h2>Outgoing stream</h2>
        <video data-testid="outgoing" muted autoPlay playsInline ref={(el) => void (el && el.srcObject !== stream && (el.srcObject = stream))} />
      </section>
      <TeachPanel video={video} register={register} observer={observer} ready={status === 'ready'} />
      <TeachMotion observer={observer} ready={status === 'ready'} recorder={live} onRecording={(on) => setTakes(on ? createRecorder() : null)} />
    </main>
  );
}
