// One neuron's activation map: a canvas of resolution² pixels (CSS scales it up, smoothed),
// repainted only when the maps change, into an ImageData kept between paints.
import { memo, useEffect, useRef } from 'react';
import { paintMap, type MapKind } from '../network/diagram';
import type { Rgb } from './colors';
import type { NetworkMaps } from '../shared/protocol';

/** Software-backed, as the boundary: a GPU-backed canvas would wait on a busy WebGL training run. */
const CANVAS_OPTIONS = { willReadFrequently: true } as const;

interface Props {
  net: NetworkMaps;
  offset: number;
  kind: MapKind;
  /** A softmax output unit's class colour (see paintMap). */
  tint?: Rgb;
}

export const NeuronMap = memo(function NeuronMap({ net, offset, kind, tint }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const img = useRef<ImageData | null>(null);
  useEffect(() => {
    const canvas = ref.current;
    const r = net.resolution;
    if (!canvas || r <= 0) return;
    if (canvas.width !== r) canvas.width = canvas.height = r;
    if (!img.current || img.current.width !== r) img.current = new ImageData(r, r);
    paintMap(net.maps, offset, r, kind, img.current.data, tint);
    (canvas.getContext('2d', CANVAS_OPTIONS) as CanvasRenderingContext2D | null)?.putImageData(img.current, 0, 0);
  }, [net, offset, kind, tint]);
  return <canvas ref={ref} className="neuron-map" aria-hidden="true" />;
});
