// The analysis worker's script: one role, its API built by createAnalysisApi.
import * as Comlink from 'comlink';
import { createAnalysisApi } from './analysisApi';

Comlink.expose(createAnalysisApi());
