import { spawn } from 'node:child_process';
import { ffmpegPath } from '../../../../node/src/ffmpeg';
import { videoFrames } from '../../../../node/src/video';
import type { FrameData } from '../../types';

/** One segment of a clip: a photo held still, or a plain colour (nobody in view), for `seconds`. */
export type ClipSegment = { image: string; seconds: number } | { color: string; seconds: number };

export interface ClipSize {
  width: number;
  height: number;
  fps: number;
}

/** Runs the bundled ffmpeg with `args`; rejects with the end of its stderr when it fails. */
export function runFfmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}: ${stderr.slice(-2000)}`))));
  });
}

/**
 * Encodes the segments into a clip at `output` (each photo scaled to fit, letterboxed on black):
 * H.264, or uncompressed YUV 4:2:0 when `output` ends in `.y4m` (what Chromium's
 * `--use-file-for-fake-video-capture` plays as a looping fake camera). Write it under
 * `os.tmpdir()`, never into the repository.
 */
export async function buildClip(output: string, segments: ClipSegment[], { width, height, fps }: ClipSize): Promise<void> {
  const inputs: string[] = [];
  const filters: string[] = [];
  segments.forEach((segment, i) => {
    if ('image' in segment) {
      inputs.push('-loop', '1', '-framerate', String(fps), '-t', String(segment.seconds), '-i', segment.image);
      filters.push(`[${i}:v]scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=${fps},format=yuv420p[v${i}]`);
    } else {
      inputs.push('-f', 'lavfi', '-t', String(segment.seconds), '-i', `color=c=${segment.color}:s=${width}x${height}:r=${fps}`);
      filters.push(`[${i}:v]setsar=1,fps=${fps},format=yuv420p[v${i}]`);
    }
  });
  const concat = `${segments.map((_, i) => `[v${i}]`).join('')}concat=n=${segments.length}:v=1:a=0[out]`;
  const codec = output.toLowerCase().endsWith('.y4m') ? ['-f', 'yuv4mpegpipe'] : ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18'];
  await runFfmpeg(['-y', '-loglevel', 'error', ...inputs, '-filter_complex', [...filters, concat].join(';'), '-map', '[out]', ...codec, '-pix_fmt', 'yuv420p', '-r', String(fps), output]);
}

/** Decodes a clip into RGBA frames one at a time (the same decoder as `fromVideoFile()` in @gesture/node). */
export async function* decodeClip(file: string): AsyncGenerator<FrameData> {
  for await (const { frame } of videoFrames(file)) yield frame;
}
