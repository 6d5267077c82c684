// Teaches @gesture/node a new gesture from a few photos, then recognises it beside the built-ins.
//   node teach.mjs <name> <folder> [samples]
// Registers <name> from the first `samples` (default 5) photos of <folder> (sorted by file name),
// recognises every other photo there, prints what each reads as, and writes the gesture pack
// (normalised landmarks, no images) to <name>.gesture-pack.json in the current folder.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeRecognizer, loadImage } from '@gesture/node';

const [name, folder, samples = '5'] = process.argv.slice(2);
if (!name || !folder) {
  console.error('usage: node teach.mjs <name> <folder> [samples]');
  process.exit(2);
}

const count = Number(samples);
let photos;
try {
  photos = readdirSync(folder).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort().map((f) => join(folder, f));
} catch (error) {
  console.error(`cannot read ${folder}: ${error.message}`);
  process.exit(1);
}
if (!Number.isInteger(count) || count < 1 || count > 50 || count >= photos.length) {
  console.error(`samples must be an integer from 1 to 50, below the ${photos.length} photos in ${folder}; got ${samples}`);
  process.exit(2);
}

const recognizer = await createNodeRecognizer();
try {
  // 1. Teach: photos are run through the detector; the report says what was accepted and what is close.
  const frames = await Promise.all(photos.slice(0, count).map((file) => loadImage(file)));
  const report = await recognizer.gestures.register(name, frames, { meaning: name });
  const nearest = report.nearest ? `${report.nearest.gesture} (similarity ${report.nearest.similarity.toFixed(2)})` : 'none';
  console.log(`registered ${name}: ${report.accepted} of ${frames.length} samples accepted, nearest existing gesture ${nearest}${report.confusable ? ', CONFUSABLE' : ''}`);
  for (const r of report.rejected) console.log(`  sample ${r.index} rejected: ${r.reason} (${r.message})`);

  // 2. Recognise the other photos: each hand now carries gesture, meaning and score.
  let recognised = 0;
  const rest = photos.slice(count);
  for (const file of rest) {
    const { hands } = await recognizer.recognize(await loadImage(file));
    const hand = hands.sort((a, b) => b.presence - a.presence)[0];
    if (hand?.gesture === name) recognised += 1;
    console.log(`  ${file}: ${hand ? `${hand.gesture} (${hand.meaning ?? '–'}, ${hand.score.toFixed(2)})` : 'no hand'}`);
  }
  console.log(`${recognised}/${rest.length} other photos read as ${name}`);

  // 3. Keep it: a versioned JSON pack that `recognizer.gestures.import()` (or `gesture recognize --pack`) loads.
  const out = `${name}.gesture-pack.json`;
  writeFileSync(out, `${JSON.stringify(recognizer.gestures.export(), null, 2)}\n`);
  console.log(`wrote ${out}`);
} catch (error) {
  console.error(`${error.name} [${error.code ?? 'error'}]: ${error.message}`);
  process.exitCode = 1;
} finally {
  recognizer.dispose();
}
