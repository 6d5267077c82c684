import { describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../fixtures';
import { filesNeedingFixtures, fixtureGate } from '../fixture-gate';

const MISSING = '/nonexistent/shared/fixtures';

describe('the fixtures gate (vitest.config.ts)', () => {
  it('knows which test files read the photos, and only those', () => {
    const files = filesNeedingFixtures();
    expect(files).toEqual(expect.arrayContaining(['packages/core/src/__tests__/detect.test.ts', 'packages/node/src/__tests__/cli.test.ts', 'packages/react/src/__tests__/meeting-overlay.e2e.test.ts', 'tools/__tests__/eval.test.ts']));
    expect(files).not.toContain('packages/core/src/__tests__/debounce.test.ts');
    expect(files).not.toContain('tools/__tests__/fixture-gate.test.ts');
  });

  it('changes nothing when the fixtures are there', () => {
    expect(fixtureGate([], {}, REPO_ROOT /* any folder that exists */)).toEqual({ exclude: [] });
  });

  it('without them, fails once with where the photos come from and how to skip them', () => {
    expect(() => fixtureGate([], {}, MISSING)).toThrow(/fixture photos and clips are missing: \/nonexistent\/shared\/fixtures does not exist[\s\S]*\.\.\/shared\/fixtures[\s\S]*GESTURE_FIXTURES[\s\S]*GESTURE_SKIP_FIXTURES=1/);
  });

  it('without them, a run of files that do not need them goes on', () => {
    expect(fixtureGate(['packages/core/src/__tests__/debounce.test.ts'], {}, MISSING)).toEqual({ exclude: [] });
  });

  it('with GESTURE_SKIP_FIXTURES=1, leaves out exactly the files that need them, and says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { exclude } = fixtureGate([], { GESTURE_SKIP_FIXTURES: '1' }, MISSING);
    expect(exclude).toEqual(filesNeedingFixtures());
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^GESTURE_SKIP_FIXTURES=1 and no fixtures at .*: skipping the \d+ test files that need the photos/));
    warn.mockRestore();
  });
});
