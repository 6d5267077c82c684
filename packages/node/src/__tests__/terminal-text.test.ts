import { describe, expect, it } from 'vitest';
import { formatTable } from '../table';
import { escapeControl } from '../terminal-text';

describe('escapeControl / formatTable', () => {
  it('a gesture name or meaning from a shared pack cannot clear the screen or forge a table row', () => {
    // What a hostile pack could name a gesture: clear screen, carriage return, a fake row, a bidi override.
    const name = 'rock\u001b[2J\r\nfist (no) 0.99 left\u0007\u202eevil';
    expect(escapeControl(name)).toBe('rock\\x1b[2J\\x0d\\x0afist (no) 0.99 left\\x07\\u202eevil');
    const table = formatTable(['file', 'hands'], [['a.jpg', `${name} (meaning\u009b31m)`]]);
    expect(table.split('\n')).toHaveLength(3); // header, rule, one row: no forged row
    expect(table).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(escapeControl('café ✋ 手')).toBe('café ✋ 手');
  });
});
