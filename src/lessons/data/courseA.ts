// Lessons 1–5 (goal → data → model → loss → optimizer), in course order.
import type { Lesson } from '../types';
import { loss } from './loss';
import { model } from './model';
import { optimizers } from './optimizers';
import { splits } from './splits';
import { tuning } from './tuning';

export const LESSONS_A: Lesson[] = [tuning, splits, model, loss, optimizers];
