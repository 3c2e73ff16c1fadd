// The search worker's script: one role, its API built by createSearchApi (state in its closure).
import * as Comlink from 'comlink';
import { createSearchApi } from './searchApi';

Comlink.expose(createSearchApi());
