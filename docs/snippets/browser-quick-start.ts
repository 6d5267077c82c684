import { createGestureRecognizer, fromVideoElement } from '@gesture/core';

const video = document.querySelector('video')!;
video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
await video.play();

const recognizer = await createGestureRecognizer({
  backend: 'auto', // WebGL2, else WASM-SIMD, else CPU
  modelBaseUrl: '/models/', // where your app serves node_modules/@gesture/core/models/
  wasmPath: '/wasm/', // where it serves node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm
});
console.log(`running on ${recognizer.backend.name}: ${recognizer.backend.reason}`);

const source = fromVideoElement(video);
recognizer.events(source).subscribe((event) => {
  if (event.type === 'gesture' && event.phase === 'start') console.log(`${event.gesture} means ${event.meaning}`);
  if (event.type === 'presence') console.log(event.state); // 'away' | 'back'
});
source.dropped$.subscribe((n) => console.log(`${n} frames dropped while busy`));
