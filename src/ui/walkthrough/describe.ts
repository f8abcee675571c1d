/**
 * What the walkthrough panel says, as plain functions of the LessonState the worker
 * sends: the step counter, the chapters and which one the learner is in, whether Next
 * may be pressed, and the closing line. No React here, so that they are tested alone.
 */

import type { LessonAnswer, LessonExpectation, LessonState, LessonStop } from '../../sim/timeline/lesson';

/** `Step 3 of 12` (the stop shown, counted from one). */
export function stepCounter(current: number, total: number): string {
  return `Step ${current + 1} of ${total}`;
}

export interface Chapter {
  /** The index of the stop that opens the chapter (what `lesson('goto', index)` takes). */
  readonly index: number;
  readonly title: string;
}

/** The chapters of a lesson: the stops that carry a `chapter`, in order. */
export function chaptersOf(stops: readonly LessonStop[]): Chapter[] {
  const out: Chapter[] = [];
  stops.forEach((s, index) => {
    if (s.chapter !== undefined) out.push({ index, title: s.chapter });
  });
  return out;
}

/** The stop index of the chapter the learner is in (the last one opened at or before `current`); -1 if none. */
export function currentChapter(chapters: readonly Chapter[], current: number): number {
  let found = -1;
  for (const c of chapters) {
    if (c.index > current) break;
    found = c.index;
  }
  return found;
}

/** The answer given at the stop shown now, if any. */
export function currentAnswer(lesson: LessonState): LessonAnswer | undefined {
  return lesson.current >= 0 ? lesson.answers[lesson.current] : undefined;
}

/**
 * Why Next cannot be pressed now (null: it can). It waits for the learner's own action
 * at a prompt, or for an answer at a question (until the answer is in), and there is
 * nothing after the end.
 */
export function nextBlocked(lesson: LessonState): 'action' | 'answer' | 'done' | null {
  if (lesson.done) return 'done';
  if (lesson.waiting === 'action') return 'action';
  if (lesson.waiting === 'answer' && !currentAnswer(lesson)) return 'answer';
  return null;
}

/**
 * Can Back be pressed? Held at a stop, Back goes to the stop before it; between stops
 * (the run playing on, or the lesson done), back to the stop last shown. So only the
 * first stop, held, and the time before it have nothing to go back to.
 */
export function backBlocked(lesson: LessonState): boolean {
  return lesson.current < 0 || (lesson.current === 0 && lesson.waiting !== null);
}

/** Why Next is unavailable, said to the learner (beside the button). */
export const BLOCKED_TEXT: Record<'action' | 'answer' | 'done', string> = {
  action: 'Next is available once you have done this step.',
  answer: 'Next is available once you have answered.',
  done: 'This was the last step.',
};

export const PLAYING_TEXT = 'Playing to the next step…';

export function heldCount(expectations: readonly LessonExpectation[]): number {
  return expectations.reduce((n, e) => n + (e.pass ? 1 : 0), 0);
}

/** `3 of 4 held`, for the expectations' heading. */
export function heldSummary(expectations: readonly LessonExpectation[]): string {
  return `${heldCount(expectations)} of ${expectations.length} held`;
}

/** The closing line: `Lesson complete: all 4 expectations held.` */
export function completeText(expectations: readonly LessonExpectation[]): string {
  const n = expectations.length;
  if (n === 0) return 'Lesson complete.';
  const held = heldCount(expectations);
  const noun = n === 1 ? 'expectation' : 'expectations';
  if (n === 1) return held === 1 ? 'Lesson complete: the expectation held.' : 'Lesson complete: the expectation did not hold.';
  if (held === n) return `Lesson complete: all ${n} ${noun} held.`;
  return `Lesson complete: ${held} of ${n} ${noun} held.`;
}

/** What the reveal of an answered question says first. */
export function verdictText(a: LessonAnswer): string {
  return a.correct ? 'Correct.' : 'Not quite.';
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const plural = (n: unknown, one: string, many: string) => (n === 1 ? `1 ${one}` : `${String(n)} ${many}`);

/**
 * An expectation in words, from the text the worker sends (the step's `expect` as
 * written in the file, as JSON): `shop/WebRole has >=3 ready instances`. Anything it
 * does not recognise is shown as written.
 */
export function describeExpectation(text: string): string {
  let e: unknown;
  try {
    e = JSON.parse(text);
  } catch {
    return text;
  }
  if (!isObj(e)) return text;
  const { service, role, instance, rack, host, fc } = e;
  if (typeof service === 'string' && typeof e.status === 'string') return `${service} is ${e.status}`;
  if (typeof service === 'string' && typeof e.available === 'boolean') return `${service} is ${e.available ? 'available' : 'not available'}`;
  if (typeof role === 'string' && typeof e.ready === 'string') return `${role} has ${e.ready.replace(/\s+/g, ' ')} ready instances`;
  if (typeof instance === 'string' && typeof e.status === 'string') {
    const parts = [`${instance} is ${e.status}`];
    if (typeof e.host === 'string') parts.push(`on ${e.host}`);
    if (typeof e.notHost === 'string') parts.push(`not on ${e.notHost}`);
    if (typeof e.fd === 'number') parts.push(`in fault domain ${e.fd}`);
    if (typeof e.ud === 'number') parts.push(`in update domain ${e.ud}`);
    if (e.diffDisk === 'kept') parts.push('its differencing disk kept');
    if (e.diffDisk === 'fresh') parts.push('with a fresh differencing disk');
    return parts.join(', ');
  }
  if (typeof rack === 'string' && typeof e.instances === 'number') return `rack ${rack} holds ${plural(e.instances, 'instance', 'instances')}`;
  if (typeof host === 'string' && typeof e.status === 'string') return `host ${host} is ${e.status}`;
  if (isObj(fc) && typeof fc.primary === 'string') return `the FC primary is ${fc.primary}`;
  if (isObj(fc) && typeof fc.primaryNot === 'string') return `the FC primary is not ${fc.primaryNot}`;
  return text;
}
