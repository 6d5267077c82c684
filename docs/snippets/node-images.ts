import { createNodeRecognizer, loadImage } from '@gesture/node';

const recognizer = await createNodeRecognizer();           // WASM-SIMD, models from the package
const result = await recognizer.recognize(await loadImage('hand.jpg'));
for (const hand of result.hands) console.log(hand.gesture, hand.meaning, hand.score, hand.handedness);
recognizer.dispose();
