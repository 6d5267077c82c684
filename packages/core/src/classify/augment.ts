import type { Point3 } from '../types';
import { normalizeLandmarks, type NormalizedLandmarks } from './normalize';
import type { ImageUp } from './matching';

/**
 * The views of each sample a custom gesture also accepts: the same hand turned about the wrist
 * in 3-D, by these yaw (about the canonical y axis) and pitch (about x) angles in degrees. A camera
 * sees the same hand shape from a little left, right, above or below; one sample then covers
 * them all. ±25° set a priori (a hand held toward a camera rarely turns further without the
 * gesture changing its look).
 */
export const AUGMENT_VIEWS: readonly (readonly [number, number])[] = [
  [25, 0], [-25, 0], [0, 25], [0, -25],
];

function turn(hand: NormalizedLandmarks, yawDeg: number, pitchDeg: number): NormalizedLandmarks | null {
  const a = (yawDeg * Math.PI) / 180;
  const b = (pitchDeg * Math.PI) / 180;
  const turned = hand.map(([x, y, z]): Point3 => {
    // Yaw about y, then pitch about x; then back to image axes (y down) for normalizeLandmarks.
    const x1 = x * Math.cos(a) + z * Math.sin(a);
    const z1 = -x * Math.sin(a) + z * Math.cos(a);
    const y2 = y * Math.cos(b) - z1 * Math.sin(b);
    const z2 = y * Math.sin(b) + z1 * Math.cos(b);
    return [x1, -y2, z2];
  });
  return normalizeLandmarks(turned, 'right');
}

/**
 * A sample seen from the {@link AUGMENT_VIEWS}, each normalised again (canonical frame, palm size 1).
 *
 * @example
 * augmentedViews(canonical).length; // 4
 */
export function augmentedViews(hand: NormalizedLandmarks): NormalizedLandmarks[] {
  return AUGMENT_VIEWS.flatMap(([yaw, pitch]) => {
    const view = turn(hand, yaw, pitch);
    return view ? [view] : [];
  });
}

/**
 * The same hand turned half a turn about the image's vertical axis, so its other side faces the
 * camera (a thumbs up shown with the nails or with the knuckles forward, fingers pointing left or
 * right), with its {@link ImageUp}. In the canonical frame that is x and depth negated and `up`
 * mirrored: a rotation, so finger order and handedness stay. The match vector never reads the sign
 * of depth, so to it this is also the mirror image: the same shape made with the other hand, or a
 * hand whose left and right the landmark model swapped.
 *
 * @example
 * turnedAround(canonical, [1, 0]).up; // [-1, 0]
 */
export function turnedAround(hand: NormalizedLandmarks, up: ImageUp): { hand: NormalizedLandmarks; up: ImageUp } {
  return { hand: hand.map(([x, y, z]): Point3 => [-x, y, -z]), up: [-up[0], up[1]] };
}
