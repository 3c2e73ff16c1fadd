// Fault injection for resilience tests and demos: `playground.diagnostics.breakPanel(name)` makes
// that panel throw on its next render, as a bug in it would, so a test can prove that one failing
// view leaves the rest of the page, the runs and the worker going.
import { useSyncExternalStore } from 'react';

const armed = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;
const known = new Set<string>();

function notify(): void {
  version++;
  for (const l of listeners) l();
}

/** Called by each PanelBoundary so `breakPanel` can refuse names that no panel has. */
export function registerPanel(name: string): void {
  known.add(name);
}

export function panelNames(): string[] {
  return [...known].sort();
}

export function breakPanel(name: string): void {
  if (!known.has(name)) throw new Error(`No panel named "${String(name).slice(0, 40)}": one of ${panelNames().join(', ')}`);
  armed.add(name);
  notify();
}

/** Disarms a fault once its boundary has caught it, so "Reload panel" renders the panel again. */
export function faultCaught(name: string): void {
  if (armed.delete(name)) notify();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const snapshot = () => version;

/** Renders nothing; throws while a fault is armed for `name`. */
export function FaultPoint({ name }: { name: string }): null {
  useSyncExternalStore(subscribe, snapshot);
  if (armed.has(name)) throw new Error(`fault injected into the ${name} panel`);
  return null;
}
