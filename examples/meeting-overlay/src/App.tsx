import { useEffect, useRef, useState } from 'react';
import { createRecorder, useGesture, type BackendName, type GestureRecorder } from '@gesture/react';
import { paintOverlay, type OverlayState } from './overlay';
import { downloadRecording } from './recording';
import { TeachPanel } from './TeachPanel';
import { useFps } from './use-fps';

/** The icon shown for each meaning of the built-in gestures; custom gestures get a star. */
const ICONS: Record<string, string> = {
  no: '🚫', yes: '👌', question: '✋', comment: '☝️', goodbye: '👋',
  like: '👍', dislike: '👎', call: '🤙', rock: '🤘',
};

// Models and WASM binaries are served by the app itself (vite.config.ts), never fetched from a CDN.
// `?backend=wasm` picks a backend; the default tries WebGL, then WASM, then CPU.
const OPTIONS = {
  camera: { width: { ideal: 640 }, height: { ideal: 480 } },
  backend: (new URLSearchParams(location.search).get('backend') ?? 'auto') as BackendName,
  modelBaseUrl: `${import.meta.env.BASE_URL}models/`,
  wasmPath: `${import.meta.env.BASE_URL}wasm/`,
};

export function App() {
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  // While a recorder is set, what the detector finds per frame is recorded (for tests: docs/replay.md).
  const [recorder, setRecorder] = useState<GestureRecorder | null>(null);
  const { status, gesture, meaning, presence, backend, error, register, observer } = useGesture({ video, ...OPTIONS, recorder });
  const toggleRecording = () => {
    if (recorder) downloadRecording(recorder);
    setRecorder(recorder ? null : createRecorder());
  };
  const fps = useFps(observer);
  const away = presence === 'away';
  const label = gesture === null ? null : { icon: (meaning !== null && ICONS[meaning]) || '⭐', text: meaning ?? gesture };

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
        <span data-testid="fps">{fps.toFixed(1)}</span> fps
        {' · '}
        {label ? (
          <span data-testid="gesture-icon" data-meaning={meaning ?? ''} data-gesture={gesture}>
            {label.icon} {label.text}
          </span>
        ) : (
          <span>no gesture</span>
        )}
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
    </main>
  );
}
