// useControl for a control that may be one of a per-layer family: `units-0` obeys both its own id
// and `units` (hide, lock, lesson emphasis), so a link or a lesson can name every layer at once.
import { useShallow } from 'zustand/react/shallow';
import { controlFamily } from './controls';
import { usePage, type PageStore } from './pageStore';
import { controlView, type ControlView } from './useControl';

export function gateView(s: Pick<PageStore, 'hide' | 'lock' | 'showAll' | 'highlight'>, id: string | undefined): ControlView {
  const own = controlView(s, id);
  const family = id ? controlFamily(id) : null;
  if (!family) return own;
  const fam = controlView(s, family);
  return {
    hidden: own.hidden || fam.hidden,
    locked: own.locked || fam.locked,
    emphasis: own.emphasis === 'on' || fam.emphasis === 'on' ? 'on' : own.emphasis,
  };
}

/** How a settings control shows (hidden, locked, emphasis), by its test id. */
export function useGate(id: string | undefined): ControlView {
  return usePage(useShallow((s) => gateView(s, id)));
}
