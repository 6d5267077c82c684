// The video row of `npm run bench`: the mean and p95 cost per frame of `recognizer.events()` over
// the meeting clip (meeting-clip.ts), Human's hand pipeline on the same frames (in a child
// process, see human-child.ts for why), how long `createGestureRecognizer()` takes, and how long
// after a gesture appears its `start` event comes.
import type { BenchRow, RecognizerOptions } from '@gesture/node';
import { runJsonChild } from '../child-process';
import type { GestureNode } from '../gesture-node';
import { MEETING_FPS, MEETING_SEGMENTS, meetingFrames, segmentStarts } from './meeting-clip';
import type { HumanVideoOutput } from './human-video-child';

/** What the video row reports. */
export interface VideoRow {
  frames: number;
  fps: number;
  /** Ours: the cost of each frame in events() (from pulling one frame to pulling the next; decoding excluded). */
  ours: BenchRow & { meanMs: number };
  /** Ours per segment: mean ms. */
  oursBySegment: { what: string; frames: number; meanMs: number; detectorRuns: number; landmarkRuns: number; landmarkReuses: number; detectorSkips: number }[];
  human?: BenchRow & { meanMs: number; version: string };
  /** Human again with its own video settings (result cache, hand detector every 1 s), as a video app runs it. */
  humanVideoDefaults?: BenchRow & { meanMs: number };
  /** ours.meanMs / human.meanMs (aim ≤ 0.25). */
  meanVsHuman?: number;
  /** `createGestureRecognizer()` until it resolves, in ms (backend start and model load). */
  startMs: number;
  /** Per gesture segment: ms from the gesture appearing (MANIFEST.csv) to its first `start` event. */
  startLatency: { what: string; gesture: string | null; ms: number | null }[];
  /** Model runs over the clip. */
  detectorRuns: number;
  landmarkRuns: number;
  faceRuns: number;
  /** Landmark runs saved on still hands (`stillHandMs`), palm-detector runs saved on still scenes (`stillSceneMs`). */
  landmarkReuses: number;
  detectorSkips: number;
}

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);

/** Runs our side in this process and Human's in a child (unless `human` is false). */
export async function benchVideo(node: GestureNode, human: boolean, log: (line: string) => void, options: RecognizerOptions = {}): Promise<VideoRow> {
  log('video: starting a recognizer (backend wasm)');
  const started = performance.now();
  const recognizer = await node.createGestureRecognizer({ backend: 'wasm', ...options });
  const startMs = performance.now() - started;
  try {
    // Warm-up: the first calls of each model are slower (allocation, XNNPACK set-up).
    for await (const { frame } of meetingFrames(node, MEETING_SEGMENTS.slice(0, 1))) {
      await recognizer.recognize(frame);
      await recognizer.recognize(frame);
      break;
    }
    const before = { ...recognizer.detector.stats };
    const samples: number[] = [];
    const segmentOf: number[] = [];
    const runs = MEETING_SEGMENTS.map(() => ({ detectorRuns: 0, landmarkRuns: 0, landmarkReuses: 0, detectorSkips: 0 }));
    const counters = ['detectorRuns', 'landmarkRuns', 'landmarkReuses', 'detectorSkips'] as const;
    const count = () => counters.map((key) => recognizer.detector.stats[key] ?? 0);
    async function* timed() {
      for await (const { frame, timestamp, segment } of meetingFrames(node)) {
        segmentOf.push(segment);
        const before = count();
        const t = performance.now();
        yield { frame, timestamp };
        // Runs when events() pulls the next frame: this frame has been through the whole pipeline.
        samples.push(performance.now() - t);
        count().forEach((n, i) => (runs[segment]![counters[i]!] += n - before[i]!));
      }
    }
    log('video: timing ours over the meeting clip');
    const events: { type: string; phase?: string; gesture?: string; timestamp?: number }[] = [];
    await new Promise<void>((resolve, reject) => {
      recognizer.events(node.fromFrames(timed(), { fps: MEETING_FPS })).subscribe({ next: (e) => void events.push(e as (typeof events)[number]), error: reject, complete: resolve });
    });
    const stats = recognizer.detector.stats;
    const counts = MEETING_SEGMENTS.map((_, i) => segmentOf.filter((s) => s === i).length);
    const starts = segmentStarts(counts);
    const startLatency = MEETING_SEGMENTS.flatMap((part, i) => {
      if (part.kind !== 'video' || part.gestureAtMs === undefined) return [];
      const appears = starts[i]! + part.gestureAtMs;
      const first = events.find((e) => e.type === 'gesture' && e.phase === 'start' && e.timestamp! >= starts[i]! && e.timestamp! < starts[i]! + (counts[i]! * 1000) / MEETING_FPS);
      return [{ what: part.what, gesture: first?.gesture ?? null, ms: first ? first.timestamp! - appears : null }];
    });
    const oursBySegment = MEETING_SEGMENTS.map((part, i) => ({ what: part.what, frames: counts[i]!, meanMs: mean(samples.filter((_, f) => segmentOf[f] === i)), ...runs[i]! }));
    const row: VideoRow = {
      frames: samples.length,
      fps: MEETING_FPS,
      ours: { ...node.summarize(samples), meanMs: mean(samples) },
      oursBySegment,
      startMs,
      startLatency,
      detectorRuns: stats.detectorRuns - before.detectorRuns,
      landmarkRuns: stats.landmarkRuns - before.landmarkRuns,
      faceRuns: stats.faceRuns - before.faceRuns,
      landmarkReuses: (stats.landmarkReuses ?? 0) - (before.landmarkReuses ?? 0),
      detectorSkips: (stats.detectorSkips ?? 0) - (before.detectorSkips ?? 0),
    };
    if (!human) return row;
    /** Human on the same frames in a child process, with `args` for its child. */
    const timeHuman = async (what: string, args: string[]) => {
      const theirs = await runJsonChild<HumanVideoOutput>(what, new URL('./human-video-child.ts', import.meta.url), args);
      return { ...node.summarize(theirs.samples), meanMs: mean(theirs.samples), version: theirs.version };
    };
    log('video: timing Human on the same frames in a child process');
    row.human = await timeHuman('the Human video benchmark', []);
    row.meanVsHuman = row.ours.meanMs / row.human.meanMs;
    log('video: timing Human with its own video settings');
    row.humanVideoDefaults = await timeHuman('the Human video benchmark (its video defaults)', ['--video-defaults']);
    return row;
  } finally {
    recognizer.dispose();
  }
}

const ms = (v: number | null | undefined) => (v !== null && v !== undefined && Number.isFinite(v) ? v.toFixed(1) : '-');

/** The video row as lines of text. */
export function formatVideoRow(row: VideoRow): string[] {
  const out = [`video: meeting clip, ${row.frames} frames at ${row.fps} fps (faces only, gestures, a meeting room, a person leaving, an empty room), events() per frame:`];
  out.push(`  ours   mean ${ms(row.ours.meanMs)} ms, p95 ${ms(row.ours.p95Ms)} ms, median ${ms(row.ours.medianMs)} ms  (palm detector ${row.detectorRuns}×, landmarks ${row.landmarkRuns}×, faces ${row.faceRuns}× over ${row.frames} frames; landmarks reused ${row.landmarkReuses}×, detector skipped ${row.detectorSkips}×)`);
  if (row.human) out.push(`  human  mean ${ms(row.human.meanMs)} ms, p95 ${ms(row.human.p95Ms)} ms, median ${ms(row.human.medianMs)} ms  (Human ${row.human.version}, hands only)`);
  if (row.meanVsHuman !== undefined) out.push(`  ours mean / human mean = ${row.meanVsHuman.toFixed(2)}  (aim ≤ 0.25)`);
  const cached = row.humanVideoDefaults;
  if (cached) out.push(`  human with its own video settings (result cache, hand detector every 1 s): mean ${ms(cached.meanMs)} ms, p95 ${ms(cached.p95Ms)} ms, median ${ms(cached.medianMs)} ms; ours mean / it = ${(row.ours.meanMs / cached.meanMs).toFixed(2)}`);
  for (const s of row.oursBySegment) out.push(`    ${ms(s.meanMs).padStart(6)} ms mean over ${String(s.frames).padStart(3)} frames (detector ${s.detectorRuns}×, landmarks ${s.landmarkRuns}×, reused ${s.landmarkReuses}×, skipped ${s.detectorSkips}×): ${s.what}`);
  out.push(`  start: createGestureRecognizer() took ${ms(row.startMs)} ms`);
  for (const s of row.startLatency) out.push(`  gesture appears → start event: ${ms(s.ms)} ms (${s.gesture ?? 'no start'}; ${s.what})`);
  return out;
}
