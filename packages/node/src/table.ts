import { escapeControl } from './terminal-text';
/**
 * Renders rows as a plain-text table with aligned columns, two spaces apart; the columns listed in
 * `rightAligned` (numbers, usually) are padded on the left. One renderer for the CLI, the bench
 * tables and the bench scripts. Cells are passed through `escapeControl()`: text from files and
 * packs never reaches the terminal raw.
 *
 * @example
 * formatTable(['row', 'ms'], [['cold', '196.9']], [1]);
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): string {
  rows = rows.map((row) => row.map(escapeControl));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (rightAligned.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
