// The drawing pad: draw a digit with a mouse, a finger or a pen (pointer events), and the current
// model predicts it live, the ten probabilities as bars. The drawing is prepared as the training
// digits were (prepareDrawnDigit) before the model sees it; predictions are throttled to about
// ten a second while drawing, and redone as the model changes (after each batch of metrics, and
// every second while it trains).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../client/trainingClient';
import { prepareDrawnDigit } from '../data/drawnDigit';
import { useStore, type Store } from '../store/store';
import { ImageThumb } from './ImageThumb';
import { Throttle } from './throttle';

/** The pad's own resolution (shown larger by CSS); prepareDrawnDigit scales the ink box to 20 × 20. */
const PAD = 112;
const PEN = 9;
const EVERY_MS = 100;

// The model changes with every batch of metrics (and, within a long epoch, between them).
const selectModelTick = (s: Store) => s.metrics;
const selectTraining = (s: Store) => s.status === 'training';
/** While training, the drawing is predicted again this often even between batches (an epoch of images can take seconds). */
const WHILE_TRAINING_MS = 1000;
const selectImageSet = (s: Store) => s.imageSet;

interface Prediction {
  label: number;
  probs: number[];
}

/** The pad's ink as values 0–1 (the canvas is transparent where nothing is drawn). */
function inkOf(canvas: HTMLCanvasElement): Float32Array | null {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  const d = ctx.getImageData(0, 0, PAD, PAD).data;
  const ink = new Float32Array(PAD * PAD);
  let any = false;
  for (let i = 0; i < ink.length; i++) {
    ink[i] = d[i * 4 + 3] / 255;
    if (ink[i] > 0.05) any = true;
  }
  return any ? ink : null;
}

export function DrawPad() {
  const { t } = useTranslation('images');
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [pred, setPred] = useState<Prediction | null>(null);
  const [prepared, setPrepared] = useState<Float32Array | null>(null);
  const [failed, setFailed] = useState(false);
  const inked = useRef(false);
  const modelTick = useStore(selectModelTick);
  const imageSet = useStore(selectImageSet);
  const training = useStore(selectTraining);
  const throttle = useRef<Throttle | null>(null);
  useEffect(() => {
    const th = new Throttle(EVERY_MS, async () => {
      const c = canvas.current;
      const ink = c ? inkOf(c) : null;
      if (!ink) {
        setPrepared(null);
        setPred(null);
        return;
      }
      const px = prepareDrawnDigit(ink, PAD, PAD);
      setPrepared(px);
      try {
        setPred(await client.predictImage(px));
        setFailed(false);
      } catch {
        // No model yet (a set-up under way): the next batch or stroke asks again.
        setFailed(true);
      }
      });
    throttle.current = th;
    return () => th.stop();
  }, []);
  // The model changed (a batch of metrics, a new model): predict the drawing again.
  useEffect(() => {
    if (inked.current) throttle.current?.ask();
  }, [modelTick, imageSet]);
  useEffect(() => {
    if (!training) return;
    const id = setInterval(() => inked.current && throttle.current?.ask(), WHILE_TRAINING_MS);
    return () => clearInterval(id);
  }, [training]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * PAD, y: ((e.clientY - r.top) / r.height) * PAD };
  };
  const stroke = (to: { x: number; y: number }) => {
    const ctx = canvas.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    const from = last.current ?? to;
    ctx.strokeStyle = '#111';
    ctx.fillStyle = '#111';
    ctx.lineWidth = PEN;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
    last.current = to;
    inked.current = true;
    throttle.current?.ask();
  };
  const clear = () => {
    canvas.current?.getContext('2d', { willReadFrequently: true })?.clearRect(0, 0, PAD, PAD);
    last.current = null;
    inked.current = false;
    setPred(null);
    setPrepared(null);
  };

  const best = pred ? pred.probs[pred.label] : 0;
  return (
    <div className="draw-area">
      <div className="draw-pad-box">
        <canvas
          ref={canvas}
          width={PAD}
          height={PAD}
          className="draw-pad"
          data-testid="draw-pad"
          tabIndex={0}
          role="img"
          aria-label={t('draw.padLabel')}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            last.current = null;
            stroke(point(e));
          }}
          onPointerMove={(e) => {
            if (e.buttons === 0 && e.pointerType === 'mouse') return;
            if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
            stroke(point(e));
          }}
          onPointerUp={(e) => {
            e.currentTarget.releasePointerCapture(e.pointerId);
            last.current = null;
          }}
          onPointerCancel={() => (last.current = null)}
          onKeyDown={(e) => {
            if (e.key === 'Delete' || e.key === 'Backspace' || e.key === 'Escape') {
              e.preventDefault();
              clear();
            }
          }}
        />
        <div className="row draw-buttons">
          <button type="button" onClick={clear} data-testid="draw-clear">
            {t('draw.clear')}
          </button>
          <button type="button" disabled={!prepared} onClick={() => prepared && useStore.getState().setFeatureImage(prepared, 'drawn')} data-testid="draw-use">
            {t('draw.useForMaps')}
          </button>
        </div>
        <p className="hint">{t('draw.hint')}</p>
      </div>
      <div className="draw-prediction" data-testid="draw-prediction" aria-live="polite">
        {pred ? (
          <>
            <div className="draw-guess">
              <span className="draw-digit" data-testid="draw-label">
                {pred.label}
              </span>
              <span className="hint">{t('draw.sure', { pct: Math.round(best * 100) })}</span>
              {prepared && <ImageThumb values={prepared} width={28} height={28} max={1} size={42} label={t('draw.seen')} />}
            </div>
            <ol className="prob-bars" aria-label={t('draw.bars')}>
              {pred.probs.map((p, d) => (
                <li key={d} className={d === pred.label ? 'prob-bar best' : 'prob-bar'} data-testid="prob-bar">
                  <span className="prob-digit">{d}</span>
                  <span className="prob-track">
                    <span className="prob-fill" style={{ width: `${(p * 100).toFixed(1)}%` }} />
                  </span>
                  <span className="prob-pct">{(p * 100).toFixed(0)}%</span>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p className="hint">{failed ? t('draw.noModel') : t('draw.empty')}</p>
        )}
      </div>
    </div>
  );
}
