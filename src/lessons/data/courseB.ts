// Lessons 6–11 (train → search → transfer → evaluate), in course order.
import type { Lesson } from '../types';
import { evaluate } from './evaluate';
import { images } from './images';
import { overfitting } from './overfitting';
import { regularization } from './regularization';
import { search } from './search';
import { transfer } from './transfer';

export const LESSONS_B: Lesson[] = [overfitting, regularization, images, search, transfer, evaluate];
