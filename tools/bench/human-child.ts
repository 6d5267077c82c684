// Times @vladmandic/human's own hand pipeline on a list of photos, in its own process.
//
// Started by bench.ts (one `npm run bench` runs both). Human 3.3.6's node-wasm build does not
// bundle TF.js: it require()s @tensorflow/tfjs-core, which in Node resolves to the same CommonJS
// file (and the same engine) as our dist. In one process it works, but Human's init re-runs
// setWasmPaths/setBackend on the shared engine and flips global flags (it turns on PROD mode), so
// each library would be timed under the other's settings. A child process keeps both clean.
//
// Input: one JSON argument { images: string[], frames: number, warmup: number }.
// Output: one JSON line on stdout: { samples: ms[], bySize: { '800x600': ms[] }, imagesWithHand, backend, ... };
// bench.ts summarises the samples with the package's own `summarize()`.
import { runHumanChild, type HumanPeerInfo, type RgbImage } from '../peers/human-peer';

/** The child's one JSON line. */
export interface HumanBenchOutput extends HumanPeerInfo {
  samples: number[];
  bySize: Record<string, number[]>;
  imagesWithHand: number;
  images: number;
}

runHumanChild({ gestures: false }, async (peer) => {
  const { images, frames, warmup } = JSON.parse(process.argv[2] ?? '{}') as { images?: string[]; frames: number; warmup: number };
  if (!Array.isArray(images) || images.length === 0) throw new Error('human-child: no images given');
  const decoded: RgbImage[] = [];
  for (const file of images) decoded.push(await peer.decode(file));
  for (const image of decoded) for (let i = 0; i < warmup; i++) await peer.detect(image);
  const samples: number[] = [];
  const bySize: Record<string, number[]> = {};
  let imagesWithHand = 0;
  for (let round = 0; round < frames; round++) {
    for (const image of decoded) {
      const t = performance.now();
      const result = await peer.detect(image);
      const ms = performance.now() - t;
      samples.push(ms);
      (bySize[`${image.width}x${image.height}`] ??= []).push(ms);
      if (round === 0 && result.hand.length > 0) imagesWithHand += 1;
    }
  }
  return { samples, bySize, imagesWithHand, images: decoded.length };
});
