// C0 and C1 controls, DEL, and the bidirectional overrides that can reorder what a terminal shows.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes text from files and packs safe to print on a terminal: every control character (ESC, CR,
 * BEL, newline, …) and bidi override becomes a visible escape (`\x1b`, `\u202e`), so a shared pack
 * cannot clear the screen or forge table rows. JSON output needs none of this (`JSON.stringify`
 * escapes controls).
 *
 * @example
 * escapeControl('rock\x1b[2J'); // 'rock\\x1b[2J'
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
