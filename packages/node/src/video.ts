import { spawn, spawnSync } from 'node:child_process';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fromFrames, type FrameData, type FrameSource, type TimedFrame } from '@gesture/core';
import { VideoDecodeError } from './errors';
import { ffmpegPath } from './ffmpeg';

/** Options of `fromVideoFile()` and `videoFrames()`. */
export interface VideoFileOptions {
  /**
   * Frames per second to decode: the video is resampled to this rate, and frame `i` gets
   * `timestamp = i * 1000 / fps` (ms from the start of the video). Defaults to the video's own rate.
   */
  fps?: number;
}

/** What ffmpeg says about a video before decoding it. */
export interface VideoInfo {
  width: number;
  height: number;
  /** Frames per second of the video stream (0 if unknown). */
  fps: number;
  /** Duration in ms (0 if unknown). */
  durationMs: number;
}

/** The lowest `fps` accepted: one frame every 10 s. Lower rates decode no frame of a short clip. */
export const MIN_FPS = 0.1;
/** The highest `fps` accepted. */
export const MAX_FPS = 240;

/**
 * The only demuxers ffmpeg may use (its `-format_whitelist`): real video containers. Playlists
 * (`hls`), `concat` lists and image sequences are refused, because they make ffmpeg open other
 * files named inside the input.
 */
export const VIDEO_DEMUXERS = ['mov', 'mp4', 'matroska', 'webm', 'avi', 'yuv4mpegpipe', 'mpeg', 'mpegts', 'ogg', 'gif'] as const;

/**
 * ffmpeg input arguments that read exactly one local file: only the `file` protocol, only the
 * demuxers of `VIDEO_DEMUXERS`, and the path as a `file:` URL, so a name like `concat:a.mp4|b.mp4`
 * or `http:…` is just a file name.
 */
function inputArgs(path: string): string[] {
  return ['-protocol_whitelist', 'file', '-format_whitelist', VIDEO_DEMUXERS.join(','), '-i', `file:${resolve(path)}`];
}

const VIDEO_EXTENSIONS = /\.(mp4|m4v|mov|mkv|webm|avi|y4m|mpg|mpeg|ogv|gif)$/i;

/** True when the path looks like a video by its extension. */
export function isVideoPath(path: string): boolean {
  return VIDEO_EXTENSIONS.test(path);
}

/**
 * Reads a video's size, frame rate and duration with ffmpeg. Throws `VideoDecodeError` when the
 * file is missing or holds no decodable video stream.
 */
export async function probeVideo(path: string): Promise<VideoInfo> {
  try {
    await access(path);
  } catch (cause) {
    throw new VideoDecodeError(`Cannot read video ${path}: no such file.`, { source: path, framesRead: 0 }, { cause });
  }
  const probe = spawnSync(ffmpegPath(), ['-hide_banner', '-nostdin', ...inputArgs(path)], { encoding: 'utf8', timeout: 30_000 });
  const text = probe.stderr ?? '';
  if (/not on whitelist/i.test(text)) {
    const format = /Format not on whitelist '?([^']*?)'?\s*$/m.exec(text)?.[1] ?? /Input #0, ([\w,]+)/.exec(text)?.[1];
    throw new VideoDecodeError(
      `Cannot decode video ${path}: it is not a video container this package reads (a playlist, concat list or other format that opens further files is refused; allowed: ${VIDEO_DEMUXERS.join(', ')}).`,
      { source: path, framesRead: 0, stderr: text.slice(-2000), ...(format ? { format } : {}) },
    );
  }
  const stream = /Stream #\d+:\d+.*?: Video: .*?(\d{2,5})x(\d{2,5})/.exec(text);
  if (!stream) {
    const reason = text.split('\n').filter((l) => /error|invalid|not found|moov/i.test(l)).slice(-2).join(' ').trim();
    throw new VideoDecodeError(`Cannot decode video ${path}: ${reason || 'no video stream found'}.`, { source: path, framesRead: 0, stderr: text.slice(-2000) });
  }
  let width = Number(stream[1]);
  let height = Number(stream[2]);
  // ffmpeg applies rotation metadata when decoding (autorotate), so report the rotated size.
  const rotation = /rotation of (-?[\d.]+)|rotate\s*:\s*(-?\d+)/.exec(text);
  const degrees = rotation ? Math.abs(Number(rotation[1] ?? rotation[2])) % 180 : 0;
  if (degrees === 90) [width, height] = [height, width];
  const fps = Number(/(\d+(?:\.\d+)?) fps/.exec(text)?.[1] ?? /(\d+(?:\.\d+)?) tbr/.exec(text)?.[1] ?? 0);
  const duration = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(text);
  const durationMs = duration ? (Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])) * 1000 : 0;
  return { width, height, fps, durationMs };
}

/**
 * Decodes a video file into RGBA frames with real timestamps, one at a time: ffmpeg writes raw
 * frames into a pipe and is paused by the pipe while the consumer is busy, so nothing is read
 * ahead or written to disk. After the last good frame, a corrupt or truncated file throws
 * `VideoDecodeError`; the frames before it have already been yielded.
 *
 * @example
 * for await (const { frame, timestamp } of videoFrames('call.mp4', { fps: 10 })) console.log(timestamp);
 */
export async function* videoFrames(path: string, options: VideoFileOptions = {}): AsyncGenerator<TimedFrame & { frame: FrameData }> {
  const info = await probeVideo(path);
  const fps = options.fps ?? (info.fps > 0 ? Math.min(Math.max(info.fps, MIN_FPS), MAX_FPS) : 30);
  if (!(typeof fps === 'number' && Number.isFinite(fps) && fps >= MIN_FPS && fps <= MAX_FPS)) {
    throw new VideoDecodeError(`Option fps must be a number from ${MIN_FPS} to ${MAX_FPS}, got ${String(options.fps)}.`, { source: path, framesRead: 0 });
  }
  const frameBytes = info.width * info.height * 4;
  const child = spawn(ffmpegPath(), ['-v', 'error', '-nostdin', ...inputArgs(path), '-an', '-vf', `fps=${fps}`, '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 20_000) stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  let framesRead = 0;
  // Each pipe chunk is copied once, straight into the frame it belongs to.
  let frame = new Uint8Array(frameBytes);
  let filled = 0;
  let finished = false;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let offset = 0;
      while (offset < chunk.length) {
        const n = Math.min(frameBytes - filled, chunk.length - offset);
        frame.set(chunk.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled === frameBytes) {
          yield { frame: { data: frame, width: info.width, height: info.height, channels: 4 }, timestamp: (framesRead * 1000) / fps };
          framesRead += 1;
          frame = new Uint8Array(frameBytes);
          filled = 0;
        }
      }
    }
    finished = true;
  } finally {
    if (!finished) child.kill('SIGKILL');
  }
  const code = await exited;
  // ffmpeg often exits 0 on a damaged file: any error-level message, a partial last frame, or a
  // video that stops well short of its declared duration means it was cut or corrupt.
  const problems = stderr.split('\n').filter((line) => line.trim()).slice(-3).join(' ');
  const decodedMs = (framesRead * 1000) / fps;
  const short = info.durationMs > 0 && decodedMs < info.durationMs - Math.max(500, 3000 / fps);
  if (code !== 0 || filled > 0 || problems || short || framesRead === 0) {
    throw new VideoDecodeError(`Video ${path} is corrupt or truncated after ${framesRead} frame(s) (${Math.round(decodedMs)} of ${Math.round(info.durationMs)} ms)${problems ? `: ${problems}` : ''}.`, { source: path, framesRead, stderr: stderr.slice(-2000) });
  }
}

/**
 * A video file as a recorded frame source for `recognizer.events()`: every frame is processed
 * (pulled one at a time), timestamps are ms from the start of the video.
 *
 * @example
 * recognizer.events(fromVideoFile('call.mp4', { fps: 10 })).subscribe((e) => console.log(e));
 */
export function fromVideoFile(path: string, options: VideoFileOptions = {}): FrameSource {
  // A fresh decode per subscription: a generator object would be spent after the first run.
  return fromFrames({ [Symbol.asyncIterator]: () => videoFrames(path, options) });
}
