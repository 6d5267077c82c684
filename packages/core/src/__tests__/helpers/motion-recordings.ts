import { join } from 'node:path';
import { runFfmpeg } from './clip';
import { motionSampleFromVideo } from '../../../../node/src/motion-sample';
import type { GestureRecognizer } from '../../recognizer';
import type { GestureRecording } from '../../recording/format';
import { FIXTURES_DIR } from './fixtures';

/**
 * Motion gestures drawn with a fixture photo of an open palm (fixtures/hands/palm, never hands-b)
 * moved over a plain background with ffmpeg, the way the wave clips of motion-clips.test.ts are
 * built; the real detector then runs over each clip. `u` runs from 0 to 1 over the movement.
 */
export const MOTION_PATHS: Record<string, { x: string; y: string }> = {
  // A circle, starting at the top and going clockwise on screen.
  circle: { x: 'A*sin(2*PI*u)', y: 'A*(1-cos(2*PI*u))' },
  // A "Z": right, down-left, right.
  zigzag: {
    x: 'if(lt(u,1/3),2*A*3*u,if(lt(u,2/3),2*A*(1-(3*u-1)),2*A*(3*u-2)))',
    y: 'if(lt(u,1/3),0,if(lt(u,2/3),1.4*A*(3*u-1),1.4*A))',
  },
  // A tick: short stroke down-right, long stroke up-right.
  tick: { x: 'if(lt(u,0.35),0.7*A*u/0.35,0.7*A+1.3*A*(u-0.35)/0.65)', y: 'if(lt(u,0.35),0.8*A*u/0.35,0.8*A-1.8*A*(u-0.35)/0.65)' },
  // Two full swings side to side.
  hello_wave: { x: 'A*sin(4*PI*u)', y: '0' },
};

/** How each of the five recordings of a gesture differs: speed (movement seconds), size, where, which palm and how big it looks. */
export const PERFORMANCES = [
  { seconds: 1.0, amplitude: 110, x: 200, y: 110, photo: 'sld__5_IMG_4039.jpg', width: 170 },
  { seconds: 1.4, amplitude: 95, x: 240, y: 130, photo: 'sld__5_IMG_4074.jpg', width: 150 },
  { seconds: 0.8, amplitude: 125, x: 180, y: 100, photo: 'sld__5_IMG_4228.jpg', width: 185 },
  { seconds: 1.7, amplitude: 115, x: 220, y: 120, photo: 'sld__5_IMG_4408.jpg', width: 160 },
  { seconds: 1.2, amplitude: 100, x: 210, y: 140, photo: 'sld__5_IMG_4619.jpg', width: 175 },
] as const;

/** Rest before and after the movement (s). */
const REST = 0.4;

/** Encodes one performance of `gesture` at `output` (640×480, 15 fps, H.264). */
export function buildMotionClip(gesture: keyof typeof MOTION_PATHS, performance: (typeof PERFORMANCES)[number], output: string): Promise<void> {
  const { seconds, amplitude, x, y, photo, width } = performance;
  const u = `clip((t-${REST})/${seconds},0,1)`;
  const expr = (e: string) => e.replaceAll('u', u).replaceAll('A', String(amplitude));
  const path = MOTION_PATHS[gesture]!;
  const total = seconds + 2 * REST;
  const args = ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', 'color=c=0x6b7d8c:s=640x480:r=15', '-loop', '1', '-i', join(FIXTURES_DIR, 'palm', photo),
    '-filter_complex', `[1:v]scale=${width}:-1,setsar=1[p];[0:v][p]overlay=x='${x}+${expr(path.x)}':y='${y}+${expr(path.y)}':shortest=1,format=yuv420p`,
    '-t', total.toFixed(2), '-r', '15', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '20', output];
  return runFfmpeg(args);
}

/** Builds the clip of one performance in `dir` and records what the real detector finds in it at `fps` (8: cheaper than the clip's 15). */
export async function recordMotion(recognizer: GestureRecognizer, gesture: keyof typeof MOTION_PATHS, index: number, dir: string, fps = 8): Promise<GestureRecording> {
  const file = join(dir, `${gesture}-${index}.mp4`);
  await buildMotionClip(gesture, PERFORMANCES[index]!, file);
  return motionSampleFromVideo(file, { recognizer, fps });
}
