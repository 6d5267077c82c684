// Runs @vladmandic/human 3.3.6's own hand pipeline, gestures on, once on each photo, in its own
// process (same reasons and same loading as ../bench/human-child.ts: its node-wasm build shares
// our TF.js engine and would change its settings; models are served from 127.0.0.1 because
// file:// model URLs fail in its fetch).
//
// Input: JSON on stdin { images: string[] }.
// Output: one JSON line on stdout { version, models, backend, images: [{ ms, hands: [{ label, score, gestures }] }] }.
import { readFileSync } from 'node:fs';
import { runHumanChild, type HumanPeerInfo } from '../peers/human-peer';

/** Human's hands on one photo, as the eval reads them. */
export interface HumanImageResult {
  ms: number;
  hands: { label: string; score: number; gestures: string[] }[];
}

/** The child's one JSON line. */
export interface HumanEvalOutput extends HumanPeerInfo {
  images: HumanImageResult[];
}

runHumanChild({ gestures: true }, async (peer) => {
  const { images } = JSON.parse(readFileSync(0, 'utf8')) as { images?: string[] };
  if (!Array.isArray(images) || images.length === 0) throw new Error('eval human-child: no images given');
  const out: HumanImageResult[] = [];
  let warm = false;
  for (const file of images) {
    const image = await peer.decode(file);
    if (!warm) {
      await peer.detect(image); // first call compiles; not timed
      warm = true;
    }
    const t = performance.now();
    const result = await peer.detect(image);
    const ms = performance.now() - t;
    const hands = result.hand.map((h, i) => ({
      label: h.label,
      score: h.score,
      gestures: result.gesture.filter((g) => g.hand === i).map((g) => g.gesture),
    }));
    out.push({ ms, hands });
  }
  return { images: out };
});
