/**
 * Characters a gesture name or meaning may not hold, and that no error message carries as they
 * are: controls (C0, DEL, C1), format characters (bidi overrides and isolates, zero-width spaces;
 * the zero-width joiner of emoji sequences is allowed), lone surrogates, and line or paragraph
 * separators. Such text could clear a terminal, reorder a table row or look like another name.
 */
export const UNPRINTABLE = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]|(?!\u200d)\p{Cf}/u;

/** The same characters, every one of them (a regex literal: no work when the module loads). */
const UNPRINTABLE_ALL = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]|(?!\u200d)\p{Cf}/gu;

/** `text` with every unprintable character written as a `\u` escape, so a message never carries one to a terminal. */
export function escapeUnprintable(text: string): string {
  return text.replace(UNPRINTABLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
