import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { FfmpegMissingError } from './errors';

let cached: string | undefined;

function works(path: string): boolean {
  const probe = spawnSync(path, ['-hide_banner', '-version'], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
  return probe.status === 0;
}

/**
 * The ffmpeg binary to decode video with. A system ffmpeg (Debian's, or any `ffmpeg` on the PATH)
 * is preferred, because the fallback in the npm package `@ffmpeg-installer/ffmpeg` is a 2018
 * build. `GESTURE_FFMPEG` chooses: a path to a binary, `system` (the PATH's only) or `bundled`
 * (the npm package's only). Throws `FfmpegMissingError` saying how to get one.
 *
 * @example
 * // GESTURE_FFMPEG=/opt/ffmpeg/bin/ffmpeg node app.js
 * console.log(ffmpegPath());
 */
export function ffmpegPath(): string {
  if (cached) return cached;
  const tried: string[] = [];
  const candidates: string[] = [];
  const choice = process.env.GESTURE_FFMPEG?.trim() ?? '';
  if (choice && choice !== 'system' && choice !== 'bundled') candidates.push(choice);
  if (!choice || choice === 'system') candidates.push('ffmpeg');
  if (!choice || choice === 'bundled') {
    try {
      const require = createRequire(import.meta.url);
      candidates.push((require('@ffmpeg-installer/ffmpeg') as { path: string }).path);
    } catch {
      tried.push('@ffmpeg-installer/ffmpeg (not installed for this platform)');
    }
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
