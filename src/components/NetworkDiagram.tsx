// The network diagram: inputs, hidden layers and output as columns of neuron maps, the strongest
// links between them, and the architecture and weight edits right on it (network/diagram.ts holds
// its logic). Columns follow the run on screen (runConfig), since the maps are that run's.
import { useEffect, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { client } from '../client/trainingClient';
import {
  columnKinds,
  fanIn,
  layoutDiagram,
  linkStyle,
  linksToDraw,
  mapOffset,
  maxAbsWeight,
  MAX_SHOWN,
  NEURON,
  networkFits,
  neuronName,
  outputActivation,
  PITCH,
  slotY,
} from '../network/diagram';
import { FEATURES, FEATURE_LABELS, outputUnits, type FeatureKey } from '../shared/config';
import { datasetInfo, isTable } from '../shared/datasets';
import { formatCount, formatSig } from '../shared/format';
import type { NetworkMaps } from '../shared/protocol';
import { useStore, type Store } from '../store/store';
import { changeFeature } from './change';
import { NetworkColumnHeads } from './NetworkColumnHeads';
import { NeuronMap } from './NeuronMap';
import { CLASS_COLORS } from './colors';
import { ValueEditor } from './ValueEditor';
import { useTranslation } from 'react-i18next';

const selectView = (s: Store) => ({ run: s.runConfig ?? s.config, table: s.table, upload: s.upload, network: s.network });
const selectFocus = (s: Store) => s.focusNeuron;

type Target = { kind: 'weight'; layer: number; from: number; to: number } | { kind: 'bias'; layer: number; unit: number };
type Tip = { kind: 'neuron'; layer: number; unit: number } | Target;

/** Where along a link (0 at its source) its pointer target starts. */
const HIT_FROM = 0.3;

const fmt = (v: number | undefined) => (v === undefined ? '—' : formatSig(v, 3, false));
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function NetworkDiagram() {
  const { t } = useTranslation('network');
  const { run, table, upload, network } = useStore(useShallow(selectView));
  const focus = useStore(selectFocus);
  const [tip, setTip] = useState<{ target: Tip; x: number; y: number } | null>(null);
  const [edit, setEdit] = useState<{ target: Target; x: number; y: number; value: number } | null>(null);
  // A neuron hovered when the diagram goes (hidden, a panel error) would otherwise keep the boundary on its map.
  useEffect(() => () => useStore.getState().setFocusNeuron(null), []);

  const tableMode = isTable(run.dataset);
  const info = datasetInfo(run.dataset, upload);
  const regression = run.problem === 'regression';
  const inputs = tableMode ? (table?.inputNames.length ?? 0) : run.features.length;
  const units = [inputs, ...run.layers, outputUnits(run.dataset, upload)];
  const cols = units.length;
  const net: NetworkMaps | null = networkFits(network, units) ? network : null;
  const shown = net ? net.shown : units.map((u) => Math.min(u, MAX_SHOWN));
  const kinds = columnKinds(run.activations, regression);
  // A 2-D data set lists every feature in the inputs column (unused ones dimmed); a table its first columns.
  const slots = [tableMode ? shown[0] : FEATURES.length, ...shown.slice(1)];
  const layout = layoutDiagram(slots);
  const inputSlot = (u: number) => (tableMode ? u : FEATURES.indexOf(run.features[u]));
  const inputLabel = (u: number) => (tableMode ? (table?.inputNames[u] ?? t('neuron.inputN', { n: u + 1 })) : FEATURE_LABELS[run.features[u]]);
  const ySlot = (c: number, u: number) => slotY(c === 0 ? inputSlot(u) : u);
  const name = (c: number, u: number) => neuronName(c, u, cols, c === 0 ? inputLabel(u) : undefined);
  const weight = (t: { layer: number; from: number; to: number }) => net?.weights[t.layer - 1]?.[t.from * shown[t.layer] + t.to];
  const bias = (layer: number, unit: number) => net?.biases[layer - 1]?.[unit];
  const maxAbs = net ? maxAbsWeight(net.weights) : 1;

  const title = (x: Target) =>
    x.kind === 'weight' ? t('weightTitle', { from: name(x.layer - 1, x.from), to: name(x.layer, x.to) }) : t('biasTitle', { name: name(x.layer, x.unit) });
  const describe = (x: Tip): string => {
    if (x.kind === 'weight') return t('value', { title: title(x), value: fmt(weight(x)) });
    if (x.kind === 'bias') return t('value', { title: title(x), value: fmt(bias(x.layer, x.unit)) });
    return x.layer === 0 ? cap(name(0, x.unit)) : t('neuronBias', { name: cap(name(x.layer, x.unit)), value: fmt(bias(x.layer, x.unit)) });
  };
  const open = (target: Target, x: number, y: number) => {
    const v = target.kind === 'weight' ? weight(target) : bias(target.layer, target.unit);
    if (v === undefined) return;
    setTip(null);
    setEdit({ target, x: Math.min(x, layout.width - 250), y: Math.min(y, layout.height - 110), value: v });
  };
  const apply = (t: Target, v: number) => (t.kind === 'weight' ? client.setWeight(t.layer, t.from, t.to, v) : client.setBias(t.layer, t.unit, v));
  const enter = (target: Tip, x: number, y: number, neuron?: boolean) => {
    setTip({ target, x, y });
    if (neuron && target.kind === 'neuron') useStore.getState().setFocusNeuron({ layer: target.layer, unit: target.unit });
  };
  const leave = () => {
    setTip(null);
    if (useStore.getState().focusNeuron) useStore.getState().setFocusNeuron(null);
  };

  const lines: ReactNode[] = [];
  const links: ReactNode[] = [];
  if (net) {
    for (let c = 1; c < cols; c++) {
      const w = net.weights[c - 1];
      if (!w) continue;
      const x1 = layout.x[c - 1] + NEURON;
      const x2 = layout.x[c];
      for (const l of linksToDraw(w, shown[c - 1], shown[c])) {
        const y1 = ySlot(c - 1, l.from) + NEURON / 2;
        const y2 = ySlot(c, l.to) + NEURON / 2 + fanIn(l.from, shown[c - 1]);
        const st = linkStyle(l.w, maxAbs);
        const target: Target = { kind: 'weight', layer: c, from: l.from, to: l.to };
        const mid = { x: x1 + (x2 - x1) * 0.65, y: y1 + (y2 - y1) * 0.65 };
        lines.push(<line key={`${c}-${l.from}-${l.to}`} x1={x1} y1={y1} x2={x2} y2={y2} stroke={st.color} strokeWidth={st.width} strokeOpacity={st.opacity} />);
        // The pointer target spans the link's last 70% only: near its source every link of a neuron
        // overlaps the others, and its centre (where a test clicks) stays clear of the mirrored link
        // j→i, which crosses this one near the middle.
        links.push(
          <line
            key={`${c}-${l.from}-${l.to}`}
            className="net-link"
            x1={x1 + (x2 - x1) * HIT_FROM}
            y1={y1 + (y2 - y1) * HIT_FROM}
            x2={x2}
            y2={y2}
            tabIndex={0}
            role="button"
            aria-label={t('pressEnter', { text: describe(target) })}
            data-testid={`link-${c}-${l.from}-${l.to}`}
            onMouseEnter={() => enter(target, mid.x, mid.y)}
            onMouseLeave={leave}
            onFocus={() => enter(target, mid.x, mid.y)}
            onBlur={leave}
            onClick={() => open(target, mid.x, mid.y)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                open(target, mid.x, mid.y);
              }
            }}
          />,
        );
      }
    }
  }

  const neurons: ReactNode[] = [];
  const mapOf = (c: number, u: number) => {
    const offset = net ? mapOffset(net, c, u) : null;
    // Each class's output unit in its class's colour, as the boundary paints that class.
    const tint = c === cols - 1 && info.classes > 2 && !regression ? CLASS_COLORS[u % CLASS_COLORS.length] : undefined;
    return net && offset !== null ? <NeuronMap net={net} offset={offset} kind={kinds[c]} tint={tint} /> : null;
  };
  const hoverProps = (c: number, u: number) => {
    const target: Tip = { kind: 'neuron', layer: c, unit: u };
    const x = layout.x[c] + NEURON + 4;
    const y = ySlot(c, u);
    return {
      onMouseEnter: () => enter(target, x, y, true),
      onMouseLeave: leave,
      onFocus: () => enter(target, x, y, true),
      onBlur: leave,
    };
  };
  const focused = (c: number, u: number) => (focus?.layer === c && focus.unit === u ? ' focused' : '');

  // Inputs: every feature of a 2-D data set (a toggle), or a table's first columns (not clickable).
  if (tableMode) {
    for (let u = 0; u < shown[0]; u++) {
      const label = inputLabel(u);
      neurons.push(
        <div key={`in-${u}`} className="net-input-label" style={{ left: 0, top: slotY(u), width: layout.x[0] - 6 }} title={label} aria-hidden="true">
          {label}
        </div>,
        <div
          key={`n-0-${u}`}
          className={`neuron${focused(0, u)}`}
          style={{ left: layout.x[0], top: slotY(u) }}
          tabIndex={0}
          role="img"
          aria-label={t('inputAria', { label })}
          data-testid={`neuron-0-${u}`}
          {...hoverProps(0, u)}
        >
          {mapOf(0, u)}
        </div>,
      );
    }
  } else {
    FEATURES.forEach((f: FeatureKey, slot) => {
      const u = run.features.indexOf(f);
      const on = u >= 0;
      const label = FEATURE_LABELS[f];
      neurons.push(
        <div key={`in-${f}`} className="net-input-label" style={{ left: 0, top: slotY(slot), width: layout.x[0] - 6 }} aria-hidden="true">
          {label}
        </div>,
        <button
          key={`n-${f}`}
          type="button"
          className={`neuron input${on ? '' : ' off'}${on ? focused(0, u) : ''}`}
          style={{ left: layout.x[0], top: slotY(slot) }}
          aria-pressed={on}
          aria-label={t('featureAria', { label })}
          title={t(on ? 'turnOff' : 'turnOn', { label })}
          data-testid={on ? `neuron-0-${u}` : `feature-${f}`}
          onClick={() => changeFeature(f, !on)}
          {...(on ? hoverProps(0, u) : {})}
        >
          {on && mapOf(0, u)}
        </button>,
      );
    });
  }

  for (let c = 1; c < cols; c++) {
    for (let u = 0; u < shown[c]; u++) {
      const x = layout.x[c];
      const y = slotY(u);
      const b = bias(c, u);
      const target: Target = { kind: 'bias', layer: c, unit: u };
      neurons.push(
        <div
          key={`n-${c}-${u}`}
          className={`neuron${focused(c, u)}`}
          style={{ left: x, top: y }}
          tabIndex={0}
          role="img"
          aria-label={t('neuronAria', { name: cap(name(c, u)), value: fmt(b) })}
          data-testid={`neuron-${c}-${u}`}
          {...hoverProps(c, u)}
        >
          {mapOf(c, u)}
        </div>,
        <button
          key={`b-${c}-${u}`}
          type="button"
          className={`bias-mark${b === undefined ? '' : b >= 0 ? ' pos' : ' neg'}`}
          style={{ left: x - 5, top: y + NEURON - 9 }}
          aria-label={t('edit', { text: describe(target) })}
          data-testid={`bias-${c}-${u}`}
          disabled={b === undefined}
          onMouseEnter={() => enter(target, x + 10, y + NEURON)}
          onMouseLeave={leave}
          onFocus={() => enter(target, x + 10, y + NEURON)}
          onBlur={leave}
          onClick={() => open(target, x + 10, y + NEURON)}
        />,
      );
    }
  }

  // "+ N more" under every column with more units than drawn.
  for (let c = 0; c < cols; c++) {
    const more = units[c] - shown[c];
    if (more > 0) {
      neurons.push(
        <div key={`more-${c}`} className="net-more" style={{ left: layout.x[c] + NEURON / 2 - PITCH / 2, top: slotY(slots[c]) - 6, width: PITCH }}>
          {t('more', { n: formatCount(more) })}
        </div>,
      );
    }
  }

  const tipMap = tip?.target.kind === 'neuron' ? mapOf(tip.target.layer, tip.target.unit) : null;

  return (
    <div className="net-scroll">
      <div className="net-diagram" style={{ width: layout.width, height: layout.height }} onKeyDown={(e) => e.key === 'Escape' && leave()}>
        <svg className="net-links" width={layout.width} height={layout.height} aria-label={t('links')} role="group">
          <g className="net-lines">{lines}</g>
          {links}
        </svg>
        <NetworkColumnHeads units={units} activations={run.activations} batchnorm={run.batchnorm} output={outputActivation(regression, info.classes)} x={layout.x} />
        {neurons}
        {tip && !edit && (
          <div className="net-tip" style={{ left: tip.x, top: tip.y }} aria-hidden="true" data-testid="network-tooltip">
            {describe(tip.target)}
            {/* The map large here too: on a short screen the boundary view may be scrolled out of sight. */}
            {tipMap && <div className="net-tip-map">{tipMap}</div>}
          </div>
        )}
        {edit && (
          <ValueEditor
            key={JSON.stringify(edit.target)}
            label={title(edit.target)}
            initial={edit.value}
            x={edit.x}
            y={edit.y}
            onApply={(v) => apply(edit.target, v)}
            onClose={() => setEdit(null)}
          />
        )}
      </div>
    </div>
  );
}
