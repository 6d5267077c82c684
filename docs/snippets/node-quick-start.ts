import { createNodeRecognizer, fromVideoFile, loadImage } from '@gesture/node';

const recognizer = await createNodeRecognizer(); // WASM-SIMD, models from the package

// One photo.
const result = await recognizer.recognize(await loadImage('hand.jpg'));
for (const hand of result.hands) console.log(hand.gesture, hand.meaning, hand.score.toFixed(2), hand.handedness);

// A custom gesture from a few samples, next to the built-ins.
const report = await recognizer.gestures.register('rock', [await loadImage('rock-1.jpg'), await loadImage('rock-2.jpg')], { meaning: 'party' });
console.log(report.accepted, report.nearest, report.confusable);

// Every frame of a video file, as debounced events.
recognizer.events(fromVideoFile('meeting.mp4', { fps: 10 })).subscribe({
  next: (event) => console.log(JSON.stringify(event)),
  complete: () => recognizer.dispose(),
});
