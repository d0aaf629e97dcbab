/** Builders for small plan outlines in tests: a question and a section (no tools). */
import type { PlanSection, Question } from '../../src/feed/schema.js';

export const q = (id: string, text: Question['text']): Question => ({ id, text });

export const section = (id: string, title: PlanSection['title'], questions: Question[], sections?: PlanSection[]): PlanSection => ({
  id,
  title,
  questions,
  toolIds: [],
  ...(sections ? { sections } : {}),
});
