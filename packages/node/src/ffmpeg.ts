import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { FfmpegMissingError } from './errors';

let cached: string | undefined;

function works(path: string): boolean {
  const probe = spawnSync(path, ['-hide_banner', '-version'], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
  return probe.status === 0;
}

/**
 * The ffmpeg binary to decode video with: `GESTURE_FFMPEG` if set, else Debian's (or any)
 * `ffmpeg` on the PATH, else the one shipped in the npm package `@ffmpeg-installer/ffmpeg`.
 * Throws `FfmpegMissingError` saying how to get one.
 */
export function ffmpegPath(): string {
  if (cached) return cached;
  const tried: string[] = [];
  const candidates: string[] = [];
  if (process.env.GESTURE_FFMPEG) candidates.push(process.env.GESTURE_FFMPEG);
  candidates.push('ffmpeg');
  try {
    const require = createRequire(import.meta.url);
    candidates.push((require('@ffmpeg-installer/ffmpeg') as { path: string }).path);
  } catch {
    tried.push('@ffmpeg-installer/ffmpeg (not installed for this platform)');
  }
  for (const candidate of candidates) {
    if (works(candidate)) return (cached = candidate);
    tried.push(candidate);
  }
  throw new FfmpegMissingError(
    `No working ffmpeg found (tried ${tried.join(', ')}). Install one (Debian/Ubuntu: apt-get install ffmpeg; macOS: brew install ffmpeg), or npm install @ffmpeg-installer/ffmpeg, or set GESTURE_FFMPEG to its path.`,
    { tried },
  );
}
