// Prints the hands (and faces) that @gesture/node finds in one image.
//   node index.mjs [image]
// Without an argument it reads a sample photo of a raised index finger that ships in the
// npm package `fingerpose` (MIT), a dev dependency of this repository.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createNodeRecognizer, loadImage } from '@gesture/node';

const require = createRequire(import.meta.url);
const image = process.argv[2] ?? join(dirname(require.resolve('fingerpose/package.json')), 'assets', 'nocurl.jpg');

const recognizer = await createNodeRecognizer();
try {
  const frame = await loadImage(image);
  const started = performance.now();
  const result = await recognizer.recognize(frame);
  const ms = performance.now() - started;
  console.log(`${image}: ${frame.width}×${frame.height}, backend ${recognizer.backend.name}${recognizer.backend.simd ? ' (SIMD)' : ''}, ${ms.toFixed(0)} ms`);
  console.log(`${result.hands.length} hand(s), ${result.faces.length} face(s), present: ${result.present}`);
  for (const hand of result.hands) {
    const [x, y, w, h] = hand.box.map((v) => Math.round(v));
    const label = 'gesture' in hand ? ` ${hand.gesture} (${hand.meaning ?? '–'}, ${hand.score.toFixed(2)})` : '';
    console.log(`  hand #${hand.id}: ${hand.handedness}, presence ${hand.presence.toFixed(2)}, box [${x}, ${y}, ${w}, ${h}], 21 landmarks${label}`);
    const [wx, wy] = hand.landmarks[0];
    const [tx, ty] = hand.landmarks[8];
    console.log(`    wrist at (${wx.toFixed(0)}, ${wy.toFixed(0)}), index tip at (${tx.toFixed(0)}, ${ty.toFixed(0)})`);
  }
} catch (error) {
  console.error(`${error.name} [${error.code ?? 'error'}]: ${error.message}`);
  process.exitCode = 1;
} finally {
  recognizer.dispose();
}
