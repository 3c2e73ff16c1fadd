// Loads the lessons (engine, registry and every lesson's texts) beside the page, not in its first
// bundle; the scripting API and the panel share the one module once it is here.
import { client } from '../client/trainingClient';

type EngineModule = typeof import('./engine');

let loading: Promise<EngineModule> | null = null;
let loaded: EngineModule | null = null;

export function loadLessons(): Promise<EngineModule> {
  loading ??= import('./engine').then((m) => {
    m.connectClient(client);
    loaded = m;
    return m;
  });
  return loading;
}

/** The lessons module if it has loaded, else null. */
export function lessonsLoaded(): EngineModule | null {
  return loaded;
}
