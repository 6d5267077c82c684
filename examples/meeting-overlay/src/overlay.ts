/** What the overlay shows: the held gesture's icon and label, and whether to cover the video. */
export interface OverlayState {
  label: { icon: string; text: string } | null;
  away: boolean;
}

/** Draws the current camera frame, then the gesture badge, or the full "Away" card on top. */
export function paintOverlay(canvas: HTMLCanvasElement, video: HTMLVideoElement, { label, away }: OverlayState): void {
  const ctx = canvas.getContext('2d');
  if (!ctx || video.videoWidth === 0) return;
  if (canvas.width !== video.videoWidth || canvas.height !== video.videoHeight) {
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
  }
  const { width, height } = canvas;
  const unit = Math.min(width, height) / 10;
  if (away) {
    ctx.fillStyle = '#1f2937';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#f9fafb';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.font = `bold ${unit * 1.6}px system-ui, sans-serif`;
    ctx.fillText('Away', width / 2, height / 2 - unit * 0.6);
    ctx.font = `${unit * 0.6}px system-ui, sans-serif`;
    ctx.fillText('Back in a moment', width / 2, height / 2 + unit * 0.8);
    return;
  }
  ctx.drawImage(video, 0, 0, width, height);
  if (!label) return;
  const r = unit * 1.1;
  const x = width - r - unit * 0.4;
  const y = r + unit * 0.4;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = `${r * 1.1}px system-ui, "Noto Color Emoji", sans-serif`;
  ctx.fillText(label.icon, x, y - r * 0.12);
  ctx.fillStyle = '#111827';
  ctx.font = `bold ${r * 0.32}px system-ui, sans-serif`;
  ctx.fillText(label.text, x, y + r * 0.68);
}
