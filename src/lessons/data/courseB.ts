// Lessons 6–10 (train → diagnose → regularize → search → transfer → evaluate), in course order.
import type { Lesson } from '../types';
import { evaluate } from './evaluate';
import { overfitting } from './overfitting';
import { regularization } from './regularization';
import { search } from './search';
import { transfer } from './transfer';

export const LESSONS_B: Lesson[] = [overfitting, regularization, search, transfer, evaluate];
