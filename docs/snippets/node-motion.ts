import { createNodeRecognizer, fromVideoFile, motionSampleFromVideo } from '@gesture/node';

const recognizer = await createNodeRecognizer();
// Three recordings of the movement: each video is run through the detector into a GestureRecording.
const samples = [];
for (const file of ['circle-1.mp4', 'circle-2.mp4', 'circle-3.mp4']) samples.push(await motionSampleFromVideo(file, { recognizer }));
const report = await recognizer.gestures.register('circle', samples, { meaning: 'refresh' });
console.log(report.accepted, report.rejected, report.motion, report.nearest);
// { threshold: 0.35, leaveOneOut: { recognised: 3, of: 3 } }, nearest: { gesture: 'wave', similarity: 1 }

// It is found beside wave and the swipes, in any later run (and kept by recognizer.gestures.export()).
recognizer.events(fromVideoFile('meeting.mp4', { fps: 15 })).subscribe((event) => {
  if (event.type === 'motion') console.log(event.gesture, event.meaning, event.score); // circle refresh 0.83
});
