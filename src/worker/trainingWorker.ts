// The training worker's script: the main run's role, its API built by createTrainingApi (state
// in its closure).
import * as Comlink from 'comlink';
import { createTrainingApi } from './trainingApi';

Comlink.expose(createTrainingApi());
