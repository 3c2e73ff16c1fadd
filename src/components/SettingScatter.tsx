// Each searched setting against the objective: one small scatter per setting.
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { PARAM_KEYS, PARAM_LIMITS } from '../search/space';
import { formatSig } from '../shared/format';
import { paramLabel } from '../search/labels';
import type { TrialRecord } from '../search/types';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import './searchViews.css';

export function SettingScatter({ trials }: { trials: readonly TrialRecord[] }) {
  const { t } = useTranslation('searchViews'); // also re-renders on a language change
  const [logX, setLogX] = useState(true);
  const [logY, setLogY] = useState(false);
  const keys = PARAM_KEYS.filter((k) => trials.some((t) => t.trial[k] !== undefined));
  if (trials.length < 2 || keys.length === 0) return null;
  const scores = trials.map((t) => t.mean).filter(Number.isFinite);
  const canLogY = scores.length > 0 && scores.every((v) => v > 0);
  return (
    <>
      <div className="sv-toggles">
        <label>
          <input type="checkbox" checked={logX} onChange={(e) => setLogX(e.target.checked)} data-testid="scatter-log-x" /> {t('logSettingsX')}
        </label>
        <label>
          <input type="checkbox" checked={logY && canLogY} disabled={!canLogY} onChange={(e) => setLogY(e.target.checked)} data-testid="scatter-log-y" /> {t('logScoreAxis')}
        </label>
      </div>
      <div className="scatters" data-testid="setting-scatter">
        {keys.map((k) => {
          const numeric = PARAM_LIMITS[k].kind === 'number';
          // A conditional setting (momentum β, units of layers 2+) is absent from some trials: they have no point here.
          const values = trials.map((t) => t.trial[k]).filter((v) => v !== undefined);
          // Log x (when asked) for the settings searched over decades, whose values are all positive.
          const log = logX && numeric && (k === 'lr' || k === 'batch' || k === 'units' || k === 'units2') && values.every((v) => Number(v) > 0);
          // On a log axis recharts' own ticks crowd (0.01, 0.011, …): the values tried, when few, else none.
          const distinct = [...new Set(values.map(Number))].sort((a, b) => a - b);
          const ticks = log && distinct.length <= 8 ? distinct : undefined;
          const data = trials.filter((t) => Number.isFinite(t.mean) && t.trial[k] !== undefined).map((t) => ({ x: t.trial[k], y: t.mean }));
          return (
            <figure key={k} className="scatter">
              <figcaption>{paramLabel(k)}</figcaption>
              {/* Hidden from screen readers: recharts gives each point role="img" and no name; the
                  search's trials table holds every setting and score. */}
              <div aria-hidden="true">
              <ResponsiveContainer width="100%" height={140}>
                <ScatterChart margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
                  <XAxis dataKey="x" type={numeric ? 'number' : 'category'} scale={log ? 'log' : 'auto'} domain={numeric ? ['auto', 'auto'] : undefined} ticks={ticks} tickFormatter={numeric ? (v: number) => formatSig(v, 2) : undefined} allowDuplicatedCategory={false} tick={{ fontSize: 10 }} />
                  <YAxis dataKey="y" width={40} scale={logY && canLogY ? 'log' : 'auto'} domain={logY && canLogY ? ['auto', 'auto'] : undefined} tick={{ fontSize: 10 }} tickFormatter={(v: number) => formatSig(v, 2)} />
                  <Tooltip formatter={(v) => (typeof v === 'number' ? formatSig(v) : String(v))} />
                  <Scatter data={data} fill="#2563eb" isAnimationActive={false} />
                </ScatterChart>
              </ResponsiveContainer>
              </div>
            </figure>
          );
        })}
      </div>
    </>
  );
}
