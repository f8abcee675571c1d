/** Kiosk mode drives a lesson by itself: start, captions after a reading time, questions, prompts, restart. */

import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LessonState } from '../../sim/timeline/lesson';
import type { InitOptions, ToWorker } from '../../worker/protocol';
import { FabricProvider } from '../context';
import { createFabricStore } from '../store/store';
import { Kiosk, dwellMs } from './kiosk';

const LESSON: LessonState = {
  name: 'mini',
  walkthrough: true,
  stops: [
    { step: 1, at: 0, kind: 'say', text: 'Three fault domains.' },
    { step: 2, at: 0, kind: 'ask', text: 'What happens?', choices: ['a', 'b'] },
    { step: 3, at: 0, kind: 'prompt', text: 'Fail the switch.', expected: 'fail c0-r1-tor' },
  ],
  current: -1,
  waiting: null,
  answers: {},
  expectations: [],
  done: false,
};
const OPTIONS: InitOptions = { seed: 0, base: { kind: 'scenario', scenario: {}, files: {}, walkthrough: true } };

function setup() {
  const store = createFabricStore({ connection: 'ready', lesson: LESSON });
  const sent: ToWorker[] = [];
  render(
    <FabricProvider store={store} send={(m) => void sent.push(m)}>
      <Kiosk options={OPTIONS} />
    </FabricProvider>,
  );
  const set = (lesson: Partial<LessonState>) => act(() => store.setState({ lesson: { ...LESSON, ...lesson } }));
  return { sent, set };
}

describe('kiosk mode', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts the lesson, then moves on after each stop’s reading time', () => {
    const { sent, set } = setup();
    act(() => void vi.advanceTimersByTime(3_000));
    expect(sent).toEqual([{ type: 'lesson', command: 'next' }]);
    set({ current: 0, waiting: 'next' });
    act(() => void vi.advanceTimersByTime(dwellMs('Three fault domains.') - 1));
    expect(sent).toHaveLength(1);
    act(() => void vi.advanceTimersByTime(1));
    expect(sent.at(-1)).toEqual({ type: 'lesson', command: 'next' });
    set({ current: 1, waiting: 'answer' });
    act(() => void vi.advanceTimersByTime(dwellMs('What happens?')));
    expect(sent.at(-1)).toEqual({ type: 'answer', stop: 1, choice: 0 });
    set({ current: 2, waiting: 'action' });
    act(() => void vi.advanceTimersByTime(dwellMs('Fail the switch.')));
    expect(sent.at(-1)).toEqual({ type: 'lesson', command: 'next' });
  });

  it('starts the lesson again when it is over', () => {
    const { sent, set } = setup();
    set({ current: 2, waiting: null, done: true });
    act(() => void vi.advanceTimersByTime(10_000));
    expect(sent.at(-1)).toMatchObject({ type: 'init', options: OPTIONS });
  });

  it('reads longer captions for longer, within bounds', () => {
    expect(dwellMs('one')).toBeLessThan(dwellMs('one two three four five six seven eight'));
    expect(dwellMs('word '.repeat(500))).toBe(20_000);
  });
});
