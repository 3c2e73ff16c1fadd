// The lab worker's script: the optimizer race, the learning-rate finder and the loss-surface paths.
import * as Comlink from 'comlink';
import { createLabApi } from './labApi';

Comlink.expose(createLabApi());
