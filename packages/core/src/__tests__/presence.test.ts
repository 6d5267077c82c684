import { map, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { InvalidOptionsError } from '../errors';
import type { PresenceEvent } from '../events';
import { presence, type PresenceFrame } from '../stages/presence';

// One marble frame is 1 ms, and each frame's timestamp is the virtual time it arrives at.
// p: someone (a face or a hand) in view; _: nobody in view.
const OPTIONS = { awayAfterMs: 4, backAfterMs: 2 };

const away = (timestamp: number): PresenceEvent => ({ type: 'presence', state: 'away', timestamp });
const back = (timestamp: number): PresenceEvent => ({ type: 'presence', state: 'back', timestamp });

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

function frames(ts: TestScheduler, source: Observable<string>): Observable<PresenceFrame> {
  return source.pipe(map((letter) => ({ present: letter === 'p', timestamp: ts.now() })));
}

describe('presence()', () => {
  it('starts unknown and reports the first settled state: back', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(frames(ts, cold('pppp|')).pipe(presence(OPTIONS))).toBe('--b-|', { b: back(2) });
    });
  });

  it('someone seen for backAfterMs: back; nobody for awayAfterMs: away; then back again', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('  ppp_____pppp|');
      const expected = '    --b----a--c-|';
      expectObservable(frames(ts, source).pipe(presence(OPTIONS))).toBe(expected, { b: back(2), a: away(7), c: back(10) });
    });
  });

  it('reports away first when the stream starts with nobody', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('  ______ppp|');
      const expected = '    ----a---b|';
      expectObservable(frames(ts, source).pipe(presence(OPTIONS))).toBe(expected, { a: away(4), b: back(8) });
    });
  });

  it('one blank frame in the middle never fires away', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('  ppp_ppp_pp_p|');
      const expected = '    --b---------|';
      expectObservable(frames(ts, source).pipe(presence(OPTIONS))).toBe(expected, { b: back(2) });
    });
  });

  it('one dropped frame (a gap in time) never fires away: only frames that see nobody count', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('  ppp------ppp|');
      const expected = '    --b---------|';
      expectObservable(frames(ts, source).pipe(presence(OPTIONS))).toBe(expected, { b: back(2) });
    });
  });

  it('while away, a frame with someone (or a blank in the return) does not bring them back before backAfterMs', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('  ppp_____p____pp_ppp|');
      const expected = '    --b----a----------c|';
      expectObservable(frames(ts, source).pipe(presence(OPTIONS))).toBe(expected, { b: back(2), a: away(7), c: back(18) });
    });
  });

  it('passes complete and error on as they are', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(frames(ts, cold('  ppp|')).pipe(presence(OPTIONS))).toBe('  --b|', { b: back(2) });
      expectObservable(frames(ts, cold('  ppp#')).pipe(presence(OPTIONS))).toBe('  --b#', { b: back(2) });
      expectObservable(frames(ts, cold('  p|')).pipe(presence(OPTIONS))).toBe('    -|');
    });
  });

  it('unsubscribing unsubscribes from the source and emits nothing more', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('  ppp_____pppp|');
      const unsub = '       ^-----!';
      expectObservable(frames(ts, source).pipe(presence(OPTIONS)), unsub).toBe('--b---', { b: back(2) });
      expectSubscriptions(source.subscriptions).toBe('^-----!');
    });
  });

  it('each subscription starts unknown again (re-entry)', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const present = frames(ts, cold('ppp|')).pipe(presence(OPTIONS));
      expectObservable(present).toBe('--b|', { b: back(2) });
      expectObservable(present).toBe('--b|', { b: back(2) });
    });
  });

  it('reads time only from timestamps, and never goes back in time', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const values = { a: { present: false, timestamp: 0 }, b: { present: false, timestamp: 1000 }, c: { present: false, timestamp: 500 }, d: { present: false, timestamp: 2000 } };
      expectObservable(cold('(abcd|)', values).pipe(presence({ awayAfterMs: 2000 }))).toBe('(a|)', { a: away(2000) });
    });
  });

  it('validates its options: awayAfterMs must be more than 0', () => {
    expect(() => presence({ awayAfterMs: 0 })).toThrow(InvalidOptionsError);
    expect(() => presence({ backAfterMs: -5 })).toThrow(/backAfterMs/);
  });
});
