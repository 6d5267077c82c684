/**
 * The photos `npm run bench` measures on, relative to the hands fixtures folder: ten photos of
 * hands across the five built-in classes, five 800×600 webcam frames and five 100×100 close-ups.
 */
export const BENCH_PHOTOS: readonly string[] = [
  'fist/subhih__1528664299.56_pic00090.jpg',
  'fist/subhih__15_pic00002.jpg',
  'palm/subhih__15_pic00000.jpg',
  'palm/sld__5_IMG_4039.jpg',
  'one/subhih__1528664299.56_pic00084.jpg',
  'one/sld__1_IMG_4595.jpg',
  'peace/subhih__1528664299.56_pic00070.jpg',
  'peace/sld__2_IMG_4438.jpg',
  'ok/subhih__1528664299.56_pic00053.jpg',
  'ok/sld__9_IMG_4285.jpg',
];

/** The photos of `npm run bench -- --browser` (those of the browser tests): two 800×600 webcam frames, two 100×100 close-ups. */
export const BROWSER_BENCH_PHOTOS: readonly string[] = ['palm/sld__5_IMG_4039.jpg', 'fist/subhih__15_pic00002.jpg', 'peace/sld__2_IMG_4438.jpg', 'one/subhih__1528664299.56_pic00084.jpg'];
