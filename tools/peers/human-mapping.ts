// How @vladmandic/human's hand output is read as one of our classes. Fixed before scoring, not tuned.
//
// Human 3.3.6 gives, per hand, a detector label (its handtrack SSD classes: hand, fist, pinch,
// point, face, tip, pinchtip) and, with `gesture` on, a list of gesture strings:
//   - `victory`, `thumbs up`, `open palm`, `point`, `middle finger`: its own fingerpose-style
//     finger-shape gestures (`middle finger` has no class of ours and is not mapped);
//   - `<finger> up`, `<finger> forward`: positional — the finger whose base is highest / nearest,
//     not a hand shape (see ../shared/notes/human-in-node.md).
// The first rule that applies wins; a hand none of them covers reads `none`.
export const HUMAN_RULES: readonly { when: string; gesture: string }[] = [
  { when: 'gesture "victory"', gesture: 'peace' },
  { when: 'gesture "thumbs up"', gesture: 'thumbs_up' },
  { when: 'gesture "open palm"', gesture: 'palm' },
  { when: 'gesture "point"', gesture: 'one' },
  { when: 'detector label "fist"', gesture: 'fist' },
  { when: 'detector label "point"', gesture: 'one' },
  { when: 'detector label "pinch"', gesture: 'ok' },
  { when: 'gesture "index up"', gesture: 'one' },
  { when: 'detector label "hand"', gesture: 'palm' },
];

/** Human's output for one hand ({ label, gestures: string[] }) → our class name, or 'none'. */
export function mapHumanHand({ label, gestures }: { label: string; gestures: readonly string[] }): string {
  const has = (g: string) => gestures.includes(g);
  if (has('victory')) return 'peace';
  if (has('thumbs up')) return 'thumbs_up';
  if (has('open palm')) return 'palm';
  if (has('point')) return 'one';
  if (label === 'fist') return 'fist';
  if (label === 'point') return 'one';
  if (label === 'pinch') return 'ok';
  if (has('index up')) return 'one';
  if (label === 'hand') return 'palm';
  return 'none';
}
