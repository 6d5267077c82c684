// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { fromRecording } from '@gesture/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { MeetingTile } from '../MeetingTile';
// `gesture record palm-then-leave.mp4 --fps 10 -o recordings/palm-then-leave.json` (see README.md):
// 0–6 s a palm in front of a face, then 14 s of nobody.
import recording from '../../recordings/palm-then-leave.json';

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

// The replay waits with setTimeout/setInterval: fake those (and Date), keep performance.now() real to time the test.
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

it('palm held → question card shown; person leaves → video covered (a 20 s recording, no camera, no model)', async () => {
  const started = performance.now();
  render(<MeetingTile source={fromRecording(recording)} />);

  await advance(300);
  expect(screen.queryByRole('dialog', { name: 'question' })).toBeNull(); // held 300 ms of the 500
  await advance(400);
  expect(screen.getByRole('dialog', { name: 'question' })).toBeTruthy();
  expect(screen.queryByTestId('cover')).toBeNull();

  await advance(6000); // 6.7 s: the hand went down at 6 s
  expect(screen.queryByRole('dialog', { name: 'question' })).toBeNull();
  expect(screen.queryByTestId('cover')).toBeNull(); // not yet 2 s without anyone

  await advance(13_300); // to the end of the recording
  expect(screen.getByTestId('cover')).toBeTruthy();

  const ms = performance.now() - started;
  console.log(`20 s recording replayed through useGesture() in ${ms.toFixed(0)} ms`);
  expect(ms).toBeLessThan(5000); // loose: under a second on a quiet machine
});
