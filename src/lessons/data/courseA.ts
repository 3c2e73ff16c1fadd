// Lessons 1–5 (goal → data → model → loss → optimizer), in course order.
import type { Lesson } from '../types';
import { tuning } from './tuning';

export const LESSONS_A: Lesson[] = [tuning];
