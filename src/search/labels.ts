// The search's words in the page's language (main thread only: the worker shares space.ts,
// which stays free of i18n). English is the same text as space.ts writes.
import { t } from '../i18n/i18n';
import { PARAM_KEYS } from './space';
import type { ParamKey, SpaceIssue, Trial } from './types';

/** A searchable parameter's name, e.g. "Learning rate" / "学习率". */
export function paramLabel(key: ParamKey): string {
  return t(`search:param.${key}`);
}

/** describeTrial in the page's language: "Learning rate 0.01 · Batch size 32". */
export function trialText(trial: Trial): string {
  return PARAM_KEYS.filter((k) => trial[k] !== undefined)
    .map((k) => `${paramLabel(k)} ${trial[k]}`)
    .join(' · ');
}

/** A space issue's message in the page's language (its English text when it carries no key). */
export function issueText(issue: SpaceIssue): string {
  if (!issue.key) return issue.message;
  const label = issue.field === 'space' ? '' : paramLabel(issue.field);
  return t(`search:${issue.key}` as 'search:problem.noParam', { ...issue.params, label });
}
