import { describe, expect, it } from 'vitest';
import { GesturePackError } from '../errors';
import { GestureRegistry } from '../classify/registry';
import { validateGesturePack, type GesturePack } from '../classify/pack';
import { SHAPES, syntheticHand, transform } from './classify-hands';

async function packWithRock(): Promise<GesturePack> {
  const registry = new GestureRegistry();
  await registry.register('horns', [syntheticHand(SHAPES.rock), transform(syntheticHand(SHAPES.rock), { deg: 25 })], { meaning: 'party' });
  await registry.register('fist', [syntheticHand(SHAPES.four)], { replace: true });
  return registry.export();
}

/** A deep copy of a valid pack, changed by `edit`. */
async function broken(edit: (pack: any) => void): Promise<unknown> {
  const pack = JSON.parse(JSON.stringify(await packWithRock()));
  edit(pack);
  return pack;
}

describe('gesture pack validation', () => {
  const cases: [string, (pack: any) => void, string][] = [
    ['extra key toJSON', (p) => Object.assign(p, { toJSON: 1 }), '$.toJSON'],
    ['wrong format', (p) => (p.format = 'zip'), '$.format'],
    ['wrong version', (p) => (p.version = 3), '$.version'],
    ['version as string', (p) => (p.version = '1'), '$.version'],
    ['missing gestures', (p) => delete p.gestures, '$.gestures'],
    ['gestures not an array', (p) => (p.gestures = {}), '$.gestures'],
    ['too many gestures', (p) => (p.gestures = Array.from({ length: 101 }, () => p.gestures[0])), '$.gestures'],
    ['extra top-level key', (p) => (p.author = 'me'), '$.author'],
    ['gesture not an object', (p) => (p.gestures[1] = 'horns'), '$.gestures[1]'],
    ['missing name', (p) => delete p.gestures[0].name, '$.gestures[0].name'],
    ['empty name', (p) => (p.gestures[0].name = ''), '$.gestures[0].name'],
    ['name none', (p) => (p.gestures[0].name = 'none'), '$.gestures[0].name'],
    ['duplicate name', (p) => (p.gestures[1].name = 'horns'), '$.gestures[1].name'],
    ['built-in name without replace', (p) => (p.gestures[1].replace = false), '$.gestures[1].replace'],
    ['meaning wrong type', (p) => (p.gestures[0].meaning = 7), '$.gestures[0].meaning'],
    ['extra gesture key', (p) => (p.gestures[0].image = 'data:'), '$.gestures[0].image'],
    ['no samples', (p) => (p.gestures[0].samples = []), '$.gestures[0].samples'],
    ['too many samples', (p) => (p.gestures[0].samples = Array.from({ length: 51 }, () => p.gestures[0].samples[0])), '$.gestures[0].samples'],
    ['sample with 20 points', (p) => p.gestures[0].samples[1].pop(), '$.gestures[0].samples[1]'],
    ['huge sample', (p) => (p.gestures[0].samples[0] = Array.from({ length: 1e6 }, () => [0, 0, 0])), '$.gestures[0].samples[0]'],
    ['point with 2 coordinates', (p) => (p.gestures[0].samples[0][5] = [1, 2]), '$.gestures[0].samples[0][5]'],
    ['string coordinate', (p) => (p.gestures[0].samples[0][5][1] = '1'), '$.gestures[0].samples[0][5][1]'],
    ['null coordinate (NaN in JSON)', (p) => (p.gestures[1].samples[0][5][1] = null), '$.gestures[1].samples[0][5][1]'],
    ['NaN coordinate', (p) => (p.gestures[0].samples[0][2][0] = Number.NaN), '$.gestures[0].samples[0][2][0]'],
    ['Infinity coordinate', (p) => (p.gestures[0].samples[0][2][2] = Infinity), '$.gestures[0].samples[0][2][2]'],
    ['out-of-range coordinate', (p) => (p.gestures[0].samples[0][2][2] = 1e9), '$.gestures[0].samples[0][2][2]'],
  ];
  it.each(cases)('%s → GesturePackError at its path', async (_, edit, path) => {
    const pack = await broken(edit);
    const error = (() => { try { validateGesturePack(pack, ['fist']); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(GesturePackError);
    expect((error as GesturePackError).details.path).toBe(path);
    expect((error as GesturePackError).code).toBe('gesture-pack');
  });

  it.each([null, 42, 'pack', [], Object.create({ format: 'gesture-pack' })])('refuses %j at $', (value) => {
    expect(() => validateGesturePack(value)).toThrow(GesturePackError);
  });

  it.each([
    ['{"__proto__":{"polluted":1},"format":"gesture-pack","version":1,"gestures":[]}', '$.__proto__'],
    ['{"format":"gesture-pack","version":1,"gestures":[{"constructor":{"prototype":{"polluted":1}},"name":"a","meaning":null,"replace":false,"samples":[]}]}', '$.gestures[0].constructor'],
  ])('refuses prototype keys without polluting anything: %s', async (json, path) => {
    const registry = new GestureRegistry();
    await expect(registry.import(JSON.parse(json))).rejects.toThrow(expect.objectContaining({ details: { path } }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(registry.list().some((g) => g.kind === 'custom')).toBe(false);
  });

  it('imports nothing when any gesture is bad', async () => {
    const registry = new GestureRegistry();
    const pack = await broken((p) => (p.gestures[1].samples[0][20][2] = 'x'));
    await expect(registry.import(pack)).rejects.toThrow(GesturePackError);
    expect(registry.has('horns')).toBe(false);
  });
});

describe('export → import round trip', () => {
  it('is JSON-serialisable, stores normalised landmarks, and gives identical predictions', async () => {
    const source = new GestureRegistry();
    await source.register('horns', [syntheticHand(SHAPES.rock), transform(syntheticHand(SHAPES.rock), { deg: 25 })], { meaning: 'party' });
    await source.register('fist', [syntheticHand(SHAPES.four)], { replace: true });
    const pack = JSON.parse(JSON.stringify(source.export())) as GesturePack;
    expect(pack.format).toBe('gesture-pack');
    expect(pack.gestures[0]!.samples[0]![0]).toEqual([0, 0, 0]);
    const target = new GestureRegistry();
    expect(await target.import(pack)).toEqual(['horns', 'fist']);
    expect(target.list()).toEqual(source.list());
    for (const [name, shape] of Object.entries(SHAPES)) for (const deg of [-30, 0, 30]) {
      const hand = transform(syntheticHand(shape), { deg, scale: 1.7 });
      expect(target.scores(hand), name).toEqual(source.scores(hand));
      expect(target.match(hand)).toEqual(source.match(hand));
    }
    expect(target.export()).toEqual(pack);
  });
});
