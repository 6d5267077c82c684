// src/Teach.tsx
import { useState, type RefObject } from 'react';
import { useGesture, type RegistrationReport } from '@gesture/react';

/** The current video frame as pixels (a copy: the video moves on). */
function grab(video: HTMLVideoElement): ImageData {
  const canvas = Object.assign(document.createElement('canvas'), { width: video.videoWidth, height: video.videoHeight });
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(video, 0, 0);
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

export function Teach({ video }: { video: RefObject<HTMLVideoElement | null> }) {
  const { status, register } = useGesture({ video, modelBaseUrl: '/models/', wasmPath: '/wasm/' });
  const [report, setReport] = useState<RegistrationReport | null>(null);
  async function teach(name: string) {
    const samples: ImageData[] = [];
    for (let i = 0; i < 5; i++) {
      samples.push(grab(video.current!));
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    setReport(await register(name, samples));
  }
  return (
    <div>
      <button disabled={status !== 'ready'} onClick={() => void teach('three')}>Teach "three"</button>
      {report && <p>{report.registered ? `learnt from ${report.accepted} samples` : 'no hand in the samples'}</p>}
      {report?.confusable && <p role="alert">looks like {report.nearest?.gesture}</p>}
    </div>
  );
}
