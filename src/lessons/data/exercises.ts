// The exercises: each with a numeric goal, after the lessons. One file each; the thresholds are
// measured on the cpu backend (see each file's header).
import type { Lesson } from '../types';
import { beatOverfit } from './beat-overfit';
import { l2Gap } from './l2-gap';
import { learningRate } from './learning-rate';
import { oneNeuron } from './one-neuron';
import { smallestNet } from './smallest-net';

export const EXERCISES: Lesson[] = [oneNeuron, learningRate, smallestNet, l2Gap, beatOverfit];
