// Keyboard shortcuts for driving a run live (Space: train/pause, S: step, R: reset, ?: this list).
// Pure, so the rules are unit-tested: never while typing in a field, never with a modifier (the
// browser's and the screen reader's own shortcuts win), and Space never on a focused control that
// Space already activates.

export type ShortcutAction = 'toggle' | 'step' | 'reset' | 'help';

export const SHORTCUTS: readonly { keys: string; action: ShortcutAction; what: string }[] = [
  { keys: 'Space', action: 'toggle', what: 'Train / pause' },
  { keys: 'S', action: 'step', what: 'One epoch (step)' },
  { keys: 'R', action: 'reset', what: 'Reset the weights' },
  { keys: '?', action: 'help', what: 'Show or hide this list' },
];

/** What the event's target is, as far as the rules care. */
export interface KeyTarget {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat?: boolean;
  target: KeyTarget | null;
}

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
// Space clicks these itself; a shortcut as well would act twice.
const SPACE_ACTIVATES = new Set(['BUTTON', 'A', 'SUMMARY']);

export function isTyping(t: KeyTarget | null): boolean {
  return !!t && (TYPING.has((t.tagName ?? '').toUpperCase()) || t.isContentEditable === true);
}

export function shortcutFor(e: KeyInput): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return null;
  if (isTyping(e.target)) return null;
  const tag = (e.target?.tagName ?? '').toUpperCase();
  if (e.key === ' ' || e.key === 'Spacebar') return SPACE_ACTIVATES.has(tag) ? null : 'toggle';
  if (e.key === 's' || e.key === 'S') return 'step';
  if (e.key === 'r' || e.key === 'R') return 'reset';
  if (e.key === '?') return 'help';
  return null;
}
