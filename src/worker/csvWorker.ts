// The CSV worker's script: one role, its API built by createCsvApi.
import * as Comlink from 'comlink';
import { createCsvApi } from './csvApi';

Comlink.expose(createCsvApi());
