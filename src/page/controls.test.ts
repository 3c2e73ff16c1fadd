import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTROLS, CONTROL_PANELS, controlFamily } from './controls';
import { gateView } from './gate';
import { PANEL_IDS } from './pageParams';
import en from '../i18n/locales/en/classroom';

const src = (f: string) => readFileSync(new URL(`../components/${f}`, import.meta.url), 'utf8');
const PANEL_FILES: Record<string, string[]> = {
  data: ['DataPanel.tsx'],
  model: ['ModelPanel.tsx'],
  training: ['TrainingPanel.tsx', 'ScheduleControl.tsx'],
  regularization: ['RegularizationPanel.tsx'],
};

describe('the controls a link can hide or lock', () => {
  it('are unique, each in a known panel with an English name', () => {
    const ids = CONTROLS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CONTROLS) {
      expect(PANEL_IDS).toContain(c.panel);
      expect(typeof en.controls[c.label]).toBe('string');
    }
    expect(CONTROL_PANELS).toEqual(['data', 'model', 'training', 'regularization']);
  });

  it('each carries its test id (or its per-layer family) in its panel, so the gate finds it', () => {
    for (const c of CONTROLS) {
      const text = PANEL_FILES[c.panel].map(src).join('\n');
      const exact = [`testId="${c.id}"`, `data-testid="${c.id}"`, `id="${c.id}"`].some((s) => text.includes(s));
      const family = [`testId={\`${c.id}-\${`, `data-testid={\`${c.id}-\${`, `testId={\`\${name}-\${`].some((s) => text.includes(s));
      const byName = (c.id === 'l1' || c.id === 'l2') && text.includes('testId={name}');
      expect(exact || family || byName, `${c.id} in ${c.panel}`).toBe(true);
    }
  });

  it('name per-layer controls by their family', () => {
    expect(controlFamily('units-0')).toBe('units');
    expect(controlFamily('l2-12')).toBe('l2');
    expect(controlFamily('remove-layer-1')).toBe('remove-layer');
    expect(controlFamily('lr')).toBeNull();
    expect(controlFamily('beta1')).toBeNull();
    expect(controlFamily('train-pct')).toBeNull();
  });
});

describe('a per-layer control obeys its own id and its family', () => {
  const base = { hide: [] as string[], lock: [] as string[], showAll: false, highlight: null as string[] | null };
  it('hidden or locked by the family, by its own id, or neither', () => {
    expect(gateView({ ...base, hide: ['units'] }, 'units-1')).toEqual({ hidden: true, locked: false, emphasis: null });
    expect(gateView({ ...base, lock: ['dropout-0'] }, 'dropout-0').locked).toBe(true);
    expect(gateView({ ...base, lock: ['dropout-0'] }, 'dropout-1').locked).toBe(false);
    expect(gateView({ ...base, hide: ['lr'] }, 'lr').hidden).toBe(true);
    expect(gateView({ ...base, hide: ['lr'] }, 'batch').hidden).toBe(false);
  });
  it('show all lifts hide and lock; a lesson highlights the family', () => {
    expect(gateView({ ...base, hide: ['units'], lock: ['units'], showAll: true }, 'units-0')).toEqual({ hidden: false, locked: false, emphasis: null });
    expect(gateView({ ...base, highlight: ['units'] }, 'units-2').emphasis).toBe('on');
    expect(gateView({ ...base, highlight: ['lr'] }, 'units-2').emphasis).toBe('off');
    expect(gateView({ ...base, highlight: ['lr'] }, undefined).emphasis).toBeNull();
  });
});
