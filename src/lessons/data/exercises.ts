// The exercises: each with a numeric goal, after the lessons.
import type { Lesson } from '../types';

export const EXERCISES: Lesson[] = [];
