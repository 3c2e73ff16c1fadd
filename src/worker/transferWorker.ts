// The transfer worker's script: one role, its API built by createTransferApi (state in its closure).
import * as Comlink from 'comlink';
import { createTransferApi } from './transferApi';

Comlink.expose(createTransferApi());
