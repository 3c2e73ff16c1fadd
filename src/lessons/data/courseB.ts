// Lessons 6–10 (train → diagnose → regularize → search → transfer → evaluate), in course order.
import type { Lesson } from '../types';

export const LESSONS_B: Lesson[] = [];
