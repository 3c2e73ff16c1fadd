// The image views under the loss chart (image sets only, loaded lazily): the misclassified
// validation images, the feature maps of a chosen image (a preview image, a misclassified one or
// the drawing) for each conv layer, and the first conv layer's learned filters.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../client/trainingClient';
import type { FeatureMap } from '../shared/protocol';
import { parseStack } from '../shared/imageStack';
import { useStore, type Store } from '../store/store';
import { channelOf, filterOf, imageAt } from './imagePixels';
import { ImageThumb } from './ImageThumb';
import { shapeText } from './stackEdits';
import { Throttle } from './throttle';

const selectViews = (s: Store) => s.imageViews;
const selectImageSet = (s: Store) => s.imageSet;
const selectFeature = (s: Store) => s.featureImage;
const selectSource = (s: Store) => s.featureSource;
const selectStack = (s: Store) => (s.runConfig ?? s.config).imageLayers;
const selectTick = (s: Store) => s.metrics;
const selectTraining = (s: Store) => s.status === 'training';
/** While training, the maps are asked for again this often even between batches (an epoch can take seconds). */
const WHILE_TRAINING_MS = 1000;
/** Feature maps are asked for at most this often while training (one image through the model). */
const MAPS_EVERY_MS = 500;
/** Channels drawn per layer; more are counted, not drawn (a 64-filter layer would fill the page). */
const MAX_CHANNELS = 32;

function Misclassified() {
  const views = useStore(selectViews);
  const set = useStore(selectImageSet);
  const { t } = useTranslation('images');
  const side = set?.side ?? 28;
  const items = useMemo(() => (views?.misclassified ?? []).map((m) => ({ ...m, values: imageAt(m.pixels, 0, side * side) })), [views, side]);
  const total = set?.counts.val ?? 0;
  return (
    <figure className="image-figure" data-testid="misclassified">
      <figcaption>
        <h3>{t('wrong.title')}</h3>
        <span data-testid="misclassified-count">{views ? t('wrong.count', { wrong: views.wrong, total }) : t('wrong.none')}</span>
      </figcaption>
      {items.length > 0 && (
        <ul className="wrong-list">
          {items.map((m) => {
            const text = t('wrong.item', { label: m.label, predicted: m.predicted, pct: Math.round(m.prob * 100) });
            return (
              <li key={m.index}>
                <button type="button" className="image-cell wrong-cell" title={t('wrong.pick')} onClick={() => useStore.getState().setFeatureImage(m.values, 'misclassified')}>
                  <ImageThumb values={m.values} width={side} height={side} max={1} size={40} testId="misclassified-image" />
                  <span className="wrong-text">{text}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </figure>
  );
}

function FeatureMaps() {
  const chosen = useStore(selectFeature);
  const source = useStore(selectSource);
  const set = useStore(selectImageSet);
  const views = useStore(selectViews);
  const tick = useStore(selectTick);
  const training = useStore(selectTraining);
  const stack = useStore(selectStack);
  const { t } = useTranslation('images');
  const side = set?.side ?? 28;
  // Until one is picked, the first training image.
  const image = useMemo(() => chosen ?? (set && set.sample.n > 0 ? imageAt(set.sample.pixels, 0, side * side) : null), [chosen, set, side]);
  const [maps, setMaps] = useState<FeatureMap[] | null>(null);
  const [error, setError] = useState(false);
  // The image asked for, read when the throttled call runs; a late answer for another image is dropped.
  const wanted = useRef<Float32Array | null>(null);
  const throttle = useRef<Throttle | null>(null);
  useEffect(() => {
    const th = new Throttle(MAPS_EVERY_MS, async () => {
      const im = wanted.current;
      if (!im) return;
      try {
        const m = await client.featureMaps(im);
        if (wanted.current === im) {
          setMaps(m);
          setError(false);
        }
      } catch {
        setError(true);
      }
    });
    throttle.current = th;
    return () => th.stop();
  }, []);
  // A new image, a new model or a batch of metrics (the model changed, so did its maps).
  useEffect(() => {
    wanted.current = image;
    throttle.current?.ask();
  }, [image, views, tick, set]);
  useEffect(() => {
    if (!training) return;
    const id = setInterval(() => throttle.current?.ask(), WHILE_TRAINING_MS);
    return () => clearInterval(id);
  }, [training]);
  const layers = useMemo(() => {
    const p = parseStack(stack);
    return p.ok ? p.layers : [];
  }, [stack]);
  const sourceText = chosen ? t(`maps.source.${source ?? 'sample'}`) : t('maps.source.first');
  return (
    <figure className="image-figure" data-testid="feature-maps">
      <figcaption>
        <h3>{t('maps.title')}</h3>
        <span className="hint">{t('maps.how')}</span>
      </figcaption>
      <div className="maps-picked">
        {image && <ImageThumb values={image} width={side} height={side} max={1} size={56} label={sourceText} testId="feature-image" />}
        <span>{sourceText}</span>
      </div>
      {error && !maps && <p className="hint">{t('maps.noModel')}</p>}
      {maps && maps.length === 0 && <p className="hint">{t('maps.noConv')}</p>}
      {maps?.map((m) => {
        const [h, w, c] = m.shape;
        const shown = Math.min(c, MAX_CHANNELS);
        const layer = layers[m.layer];
        return (
          <section key={m.layer} className="map-layer" data-testid={`feature-layer-${m.layer}`}>
            <h4>
              {t('maps.layer', { n: m.layer + 1, name: layer ? layer.kind : 'conv', shape: shapeText(m.shape) })}
              {c > shown && <span className="hint"> {t('maps.more', { n: c - shown })}</span>}
            </h4>
            <div className="map-grid">
              {Array.from({ length: shown }, (_, ch) => (
                <ImageThumb key={ch} values={channelOf(m.data, h, w, c, ch)} width={w} height={h} size={40} testId="feature-map" label={t('maps.channel', { n: ch + 1 })} />
              ))}
            </div>
          </section>
        );
      })}
    </figure>
  );
}

function Filters() {
  const views = useStore(selectViews);
  const { t } = useTranslation('images');
  const f = views?.filters;
  if (!f) return null;
  const [kh, kw, cin, nf] = f.shape;
  return (
    <figure className="image-figure" data-testid="filters">
      <figcaption>
        <h3>{t('filters.title')}</h3>
        <span className="hint">{t('filters.how', { k: kh, n: nf })}</span>
      </figcaption>
      <div className="map-grid">
        {Array.from({ length: nf }, (_, i) => (
          <ImageThumb key={i} values={filterOf(f.data, f.shape, i, 0)} width={kw} height={kh} mode="signed" size={40} label={t('filters.one', { n: i + 1 })} testId="filter" />
        ))}
      </div>
      {cin > 1 && <p className="hint">{t('filters.channels', { n: cin })}</p>}
    </figure>
  );
}

export function ImageViews() {
  return (
    <div className="image-views">
      <Misclassified />
      <FeatureMaps />
      <Filters />
    </div>
  );
}
