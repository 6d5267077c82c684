// The "meeting" clip of `npm run bench`'s video row: what a camera in a video call sees, cut from
// the fixture clips (../shared/fixtures/clips, MANIFEST.csv) and portraits, resampled to one rate
// and played back to back with continuous timestamps. Most frames have no raised hand.
import { join } from 'node:path';
import { FIXTURES_ROOT } from '../fixtures';
import type { GestureNode } from '../gesture-node';

/** The clip's frame rate (every segment is resampled to it). */
export const MEETING_FPS = 15;

/** One part of the clip: a video cut `[fromMs, toMs)`, or a photo held for `holdMs`. */
export type MeetingSegment =
  | { kind: 'video'; file: string; fromMs: number; toMs: number; what: string; gestureAtMs?: number }
  | { kind: 'photo'; file: string; holdMs: number; what: string };

const portrait = (name: string): MeetingSegment => ({ kind: 'photo', file: join('hands', 'none', name), holdMs: 1000, what: 'a face, no hand (portrait held 1 s)' });

/**
 * The segments, in order. Times from MANIFEST.csv: on the gesture-recognizer clip the fist rises at
 * about 1.0 s; on the fingerpose clip the V sign is held from 0.25 s.
 */
export const MEETING_SEGMENTS: readonly MeetingSegment[] = [
  portrait('webmorphr__lisa_lisa1.jpg'),
  portrait('webmorphr__neutral_front_001_03.jpg'),
  portrait('webmorphr__neutral_front_006_03.jpg'),
  { kind: 'video', file: 'mediapipe-samples_gesture_recognizer_test_video.mp4', fromMs: 0, toMs: 7800, what: 'a face, then a fist, then a thumbs-up held', gestureAtMs: 1000 },
  { kind: 'video', file: 'intel_classroom_preview.gif', fromMs: 0, toMs: 3000, what: 'a meeting room, four people seated, no gesture' },
  portrait('webmorphr__neutral_front_011_03.jpg'),
  portrait('webmorphr__neutral_front_019_03.jpg'),
  { kind: 'video', file: 'fingerpose_fingers-lq.gif', fromMs: 0, toMs: 4300, what: 'V signs and thumbs-up beside a face', gestureAtMs: 250 },
  { kind: 'video', file: 'intel_one-by-one-person-detection.mp4', fromMs: 14000, toMs: 24000, what: 'a person leaves, the room is empty, the next one enters' },
];

/** A frame of the clip: RGBA pixels, its timestamp on the clip, and the segment it comes from. */
export interface MeetingFrame {
  frame: { data: Uint8Array; width: number; height: number; channels: 4 };
  timestamp: number;
  segment: number;
}

/** The clip's frames, decoded one by one (a 720p segment would not fit in memory whole). */
export async function* meetingFrames(node: GestureNode, segments: readonly MeetingSegment[] = MEETING_SEGMENTS): AsyncGenerator<MeetingFrame> {
  let index = 0;
  const next = () => (index++ * 1000) / MEETING_FPS;
  for (const [segment, part] of segments.entries()) {
    if (part.kind === 'photo') {
      const image = await node.loadImage(join(FIXTURES_ROOT, part.file));
      const frame = { data: image.data as Uint8Array, width: image.width, height: image.height, channels: 4 as const };
      for (let i = 0; i < (part.holdMs * MEETING_FPS) / 1000; i++) yield { frame, timestamp: next(), segment };
      continue;
    }
    for await (const { frame, timestamp } of node.videoFrames(join(FIXTURES_ROOT, 'clips', part.file), { fps: MEETING_FPS })) {
      if (timestamp < part.fromMs) continue;
      if (timestamp >= part.toMs) break;
      yield { frame: frame as MeetingFrame['frame'], timestamp: next(), segment };
    }
  }
}

/** Where each segment starts on the clip's own timeline, in ms. */
export function segmentStarts(counts: readonly number[]): number[] {
  const starts: number[] = [];
  let frames = 0;
  for (const count of counts) {
    starts.push((frames * 1000) / MEETING_FPS);
    frames += count;
  }
  return starts;
}
