import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBenchTable, runStageBench, type StageBenchRows } from '../../packages/node/src/bench';
import { summarize } from '../../packages/node/src/stats';
import { formatTable } from '../../packages/node/src/table';
import { BENCH_PHOTOS } from '../bench/photos';
import { FIXTURES_DIR } from '../fixtures';

const ROWS: (keyof StageBenchRows)[] = ['landmarksOnly', 'detectorOnly', 'faceOnly', 'frameInput', 'oursCold', 'oursTracked'];

describe('formatTable', () => {
  it('pads columns to the widest cell, right-aligns the listed ones, and trims line ends', () => {
    expect(formatTable(['row', 'ms', 'note'], [['cold', '196.9', ''], ['tracked', '41.4', 'no detector']], [1])).toBe(
      ['row         ms  note', '-------  -----  -----------', 'cold     196.9', 'tracked   41.4  no detector'].join('\n'),
    );
  });
});

describe('summarize', () => {
  it('gives the median, the interpolated p95 and the count', () => {
    expect(summarize([5, 1, 3])).toEqual({ medianMs: 3, p95Ms: 4.8, n: 3 });
    expect(summarize([]).n).toBe(0);
  });
});

describe('runStageBench (real models, real photos)', () => {
  it('measures every row on two photos, and a tracked frame costs less than a cold one', async () => {
    // One webcam frame and one close-up, 3 timed frames each.
    const images = [BENCH_PHOTOS[0]!, BENCH_PHOTOS[3]!].map((photo) => resolve(FIXTURES_DIR, photo));
    const result = await runStageBench({ frames: 3, warmup: 1, images });

    expect(result.backend.name).toBe('wasm');
    expect(result.images).toHaveLength(2);
    expect(result.imagesWithHand).toBe(2);
    for (const name of ROWS) {
      const row = result.rows[name];
      expect(row.n, name).toBeGreaterThan(0);
      expect(Number.isFinite(row.medianMs) && row.medianMs > 0, `${name}.medianMs = ${row.medianMs}`).toBe(true);
      expect(Number.isFinite(row.p95Ms) && row.p95Ms >= row.medianMs, `${name}.p95Ms = ${row.p95Ms}`).toBe(true);
    }
    expect(result.rows.oursCold.n).toBe(6);
    expect(Object.keys(result.bySize).sort()).toEqual(['100x100', '800x600']);
    expect(Number.isFinite(result.ratios.trackedVsLandmarks)).toBe(true);
    expect(Number.isFinite(result.ratios.coldVsModelRuns)).toBe(true);
    // Each photo shows one hand: its palm pass plus the refinement pass, at least.
    expect(result.coldLandmarkPasses).toBeGreaterThanOrEqual(2);
    for (const size of Object.values(result.bySize)) expect(size.coldLandmarkPasses).toBeGreaterThanOrEqual(2);
    // Only a ratio within this run, with room for noise: skipping the palm detector (~100 ms) must show.
    expect(result.rows.oursTracked.medianMs).toBeLessThan(0.8 * result.rows.oursCold.medianMs);

    const table = formatBenchTable(result.rows);
    for (const name of ROWS) expect(table).toContain(name);
  });
});
