import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/scenario/parse';
import { LESSONS } from './catalog';

const PUBLIC = join(__dirname, '../../../public');
const LESSON_DIR = join(PUBLIC, 'scenarios/lessons');

describe('lesson catalog', () => {
  it('lists every lesson file in the folder, once, in file order', () => {
    const files = readdirSync(LESSON_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(LESSONS.map((l) => basename(l.file))).toEqual(files);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
  });

  for (const lesson of LESSONS) {
    describe(lesson.id, () => {
      const path = join(PUBLIC, lesson.file);

      it('names an existing file under public/ whose stem is its id', () => {
        expect(lesson.file).toBe(`scenarios/lessons/${lesson.id}.json`);
        expect(existsSync(path)).toBe(true);
        expect(lesson.summary.trim()).not.toBe('');
      });

      it('parses, has the catalog title, and is a lesson: prompts, questions, chapters', () => {
        const scenario = parseScenario(readFileSync(path, 'utf8'));
        expect(scenario.name).toBe(lesson.title);
        expect(scenario.description?.trim()).toBeTruthy();
        const prompts = scenario.steps.filter((s) => s.kind === 'do' && s.prompt !== undefined);
        const asks = scenario.steps.filter((s) => s.kind === 'ask');
        const chapters = scenario.steps.filter((s) => (s.kind === 'say' || s.kind === 'ask') && s.chapter !== undefined);
        const expects = scenario.steps.filter((s) => s.kind === 'expect');
        expect(prompts.length).toBeGreaterThanOrEqual(1);
        expect(asks.length).toBeGreaterThanOrEqual(1);
        expect(chapters.length).toBeGreaterThanOrEqual(3);
        expect(chapters.length).toBeLessThanOrEqual(6);
        expect(expects.length).toBeGreaterThanOrEqual(1);
        // the file is written in time order, as the walkthrough plays it
        const order = [...scenario.steps].sort((a, b) => a.index - b.index).map((s) => s.at);
        expect(order).toEqual([...order].sort((a, b) => a - b));
        // the first step opens a chapter, so no caption plays outside one
        const first = scenario.steps[0]!;
        expect((first.kind === 'say' || first.kind === 'ask') && first.chapter !== undefined).toBe(true);
      });
    });
  }
});
