// How one control shows under a shared link and an open lesson: hidden, locked, highlighted or
// dimmed. Controls are named by their test id; the shared field components (NumberField,
// SelectField) ask for theirs, other inputs call this hook with their test id.
import { useShallow } from 'zustand/react/shallow';
import { usePage, type PageStore } from './pageStore';
import type { PanelId } from './pageParams';

export interface ControlView {
  hidden: boolean;
  locked: boolean;
  /** 'on': the lesson uses it; 'off': a lesson is open and does not; null: no lesson emphasis. */
  emphasis: 'on' | 'off' | null;
}

export function controlView(s: Pick<PageStore, 'hide' | 'lock' | 'showAll' | 'highlight'>, id: string | undefined): ControlView {
  if (!id) return { hidden: false, locked: false, emphasis: null };
  const all = s.showAll;
  return {
    hidden: !all && s.hide.includes(id),
    locked: !all && s.lock.includes(id),
    emphasis: s.highlight ? (s.highlight.includes(id) ? 'on' : 'off') : null,
  };
}

export function useControl(id: string | undefined): ControlView {
  return usePage(useShallow((s) => controlView(s, id)));
}

/** Class names for a control's wrapper: `control-on` / `control-off` (lesson), `control-locked`. */
export function controlClass(v: ControlView): string {
  return [v.emphasis === 'on' ? 'control-on' : v.emphasis === 'off' ? 'control-off' : '', v.locked ? 'control-locked' : ''].filter(Boolean).join(' ');
}

export function panelShown(s: Pick<PageStore, 'panels' | 'showAll'>, id: PanelId): boolean {
  return s.showAll || s.panels === null || s.panels.includes(id);
}

export function usePanelShown(id: PanelId): boolean {
  return usePage((s) => panelShown(s, id));
}
