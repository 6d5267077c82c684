import { useRef } from 'react';
import { useGesture } from '@gesture/react';

const ICONS: Record<string, string> = { no: '🚫', yes: '👌', question: '✋', comment: '☝️', goodbye: '👋', like: '👍', dislike: '👎', call: '🤙', rock: '🤘' };

export function Overlay() {
  const video = useRef<HTMLVideoElement>(null);
  const { status, gesture, meaning, presence, error } = useGesture({
    video,
    camera: { width: { ideal: 640 }, height: { ideal: 480 } }, // the hook opens the camera and stops it on unmount
    modelBaseUrl: '/models/',
    wasmPath: '/wasm/',
  });
  return (
    <div style={{ position: 'relative', width: 640 }}>
      <video ref={video} muted playsInline style={{ width: '100%' }} />
      {gesture && (
        <span data-testid="gesture-icon" data-meaning={meaning ?? ''} style={{ position: 'absolute', top: 8, right: 8, fontSize: 48 }}>
          {(meaning !== null && ICONS[meaning]) || '⭐'} {meaning ?? gesture}
        </span>
      )}
      {presence === 'away' && (
        <div data-testid="away-cover" style={{ position: 'absolute', inset: 0, background: '#1f2937', color: 'white', fontSize: 64, display: 'grid', placeItems: 'center' }}>
          Away
        </div>
      )}
      <p>{status}{error && `: ${error.message}`}</p>
    </div>
  );
}
