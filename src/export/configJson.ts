// A run's config as JSON (the object setConfig / applyPatch accept, the same fields as the link)
// and as a link (the page's address with the config in the hash).
import type { ExperimentConfig } from '../shared/config';
import { configToHash } from '../shared/schema';

export function configJson(config: ExperimentConfig): string {
  return JSON.stringify(config, null, 2) + '\n';
}

/** `base` is the page's address; any hash on it is replaced by the config's. */
export function configLink(config: ExperimentConfig, base: string): string {
  const at = base.indexOf('#');
  return (at < 0 ? base : base.slice(0, at)) + configToHash(config);
}
