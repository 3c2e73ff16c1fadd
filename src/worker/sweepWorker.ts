// The sweep worker's script: one role, its API built by createSweepApi (state in its closure).
import * as Comlink from 'comlink';
import { createSweepApi } from './sweepApi';

Comlink.expose(createSweepApi());
