// Times @vladmandic/human's hand pipeline on the frames of the meeting clip (meeting-clip.ts), in
// its own process (see human-child.ts for why). The frames are decoded exactly as our side decodes
// them (the built @gesture/node's videoFrames() and loadImage()), then given to Human as RGB.
// Output: one JSON line { samples: ms[], frames, ... } (runHumanChild adds version and backend).
// `--video-defaults`: Human with its own video settings (result cache, hand detector every 1 s).
import { loadGestureNode } from '../gesture-node';
import { runHumanChild, type HumanPeerInfo, type RgbImage } from '../peers/human-peer';
import { meetingFrames } from './meeting-clip';

/** The child's one JSON line. */
export interface HumanVideoOutput extends HumanPeerInfo {
  samples: number[];
  frames: number;
}

function toRgb(frame: { data: Uint8Array; width: number; height: number }): RgbImage {
  const rgb = new Uint8Array(frame.width * frame.height * 3);
  for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
    rgb[j] = frame.data[i]!;
    rgb[j + 1] = frame.data[i + 1]!;
    rgb[j + 2] = frame.data[i + 2]!;
  }
  return { data: rgb, width: frame.width, height: frame.height };
}

runHumanChild({ gestures: false, videoDefaults: process.argv.includes('--video-defaults') }, async (peer) => {
  const node = await loadGestureNode('npm run bench');
  const samples: number[] = [];
  let warm = false;
  for await (const { frame } of meetingFrames(node)) {
    const image = toRgb(frame);
    if (!warm) {
      await peer.detect(image);
      await peer.detect(image);
      warm = true;
    }
    const t = performance.now();
    await peer.detect(image);
    samples.push(performance.now() - t);
  }
  return { samples, frames: samples.length };
});
