// Times @vladmandic/human's own hand pipeline on a list of photos, in its own process.
//
// Started by bench.mjs (one `npm run bench` runs both). Human 3.3.6's node-wasm build does not
// bundle TF.js: it require()s @tensorflow/tfjs-core, which in Node resolves to the same CommonJS
// file (and the same engine) as our dist. In one process it works, but Human's init re-runs
// setWasmPaths/setBackend on the shared engine and flips global flags (it turns on PROD mode), so
// each library would be timed under the other's settings. A child process keeps both clean.
//
// Input: one JSON argument { images: string[], frames: number, warmup: number }.
// Output: one JSON line on stdout: { human: { medianMs, p95Ms, n }, bySize, imagesWithHand, backend, ... }.
import { startHuman } from './human-peer.mjs';

function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => {
    if (s.length === 0) return Number.NaN;
    const pos = q * (s.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  };
  return { medianMs: at(0.5), p95Ms: at(0.95), n: s.length };
}

async function main() {
  const { images, frames, warmup } = JSON.parse(process.argv[2] ?? '{}');
  if (!Array.isArray(images) || images.length === 0) throw new Error('human-child: no images given');
  const peer = await startHuman({ gestures: false });
  try {
    const decoded = [];
    for (const file of images) decoded.push(await peer.decode(file));
    for (const image of decoded) for (let i = 0; i < warmup; i++) await peer.detect(image);
    const samples = [];
    const bySize = {};
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
    const { version, models, backend, tfjs } = peer;
    process.stdout.write(
      `${JSON.stringify({ human: summarize(samples), bySize: Object.fromEntries(Object.entries(bySize).map(([k, v]) => [k, summarize(v)])), imagesWithHand, images: decoded.length, backend, version, models, tfjs })}\n`,
    );
  } finally {
    peer.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
