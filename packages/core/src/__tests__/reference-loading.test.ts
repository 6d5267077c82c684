import { describe, expect, it, vi } from 'vitest';
import { ModelLoadError } from '../errors';
import { GestureRegistry } from '../classify/registry';
import { SHAPES, syntheticHand } from './classify-hands';

// The chunk with the reference data and the registration code (classify/registration-code.ts) fails to load the first time (as a chunk fetch fails when a page goes
// offline), then loads: custom gestures reject with ModelLoadError and change nothing, then work.
let failures = 1;
vi.mock('../classify/registration-code', async (importOriginal) => {
  if (failures-- > 0) throw new Error('Failed to fetch dynamically imported module');
  return importOriginal();
});

describe('the reference data is loaded on first use of a custom gesture', () => {
  it('built-ins never need it; a failed load is a ModelLoadError that changes nothing, and the next call retries', async () => {
    const registry = new GestureRegistry();
    expect(registry.match(syntheticHand(SHAPES.fist)).gesture).toBe('fist');
    const rejected = await registry.register('horns', [syntheticHand(SHAPES.rock)]).catch((error: unknown) => error);
    expect(rejected).toBeInstanceOf(ModelLoadError);
    expect((rejected as ModelLoadError).details).toEqual({ file: 'reference-data', model: 'classifier' });
    expect(registry.has('horns')).toBe(false);
    await expect(registry.register('horns', [syntheticHand(SHAPES.rock)])).resolves.toMatchObject({ registered: true });
    expect(registry.match(syntheticHand(SHAPES.rock)).gesture).toBe('horns');
  });
});
