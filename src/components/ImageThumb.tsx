// One small image on a canvas at its own resolution, scaled up by CSS (pixelated): a digit, a
// feature map channel or a filter. Redrawn when its values change.
import { memo, useEffect, useRef } from 'react';
import { divergingToRgba, greyToRgba, maxOf } from './imagePixels';

interface Props {
  values: ArrayLike<number>;
  width: number;
  height: number;
  /** 'grey': 0–`max` (default: the values' own largest), ink dark on light; 'signed': diverging colours. */
  mode?: 'grey' | 'signed';
  max?: number;
  /** Shown size in CSS pixels (the longer side). */
  size?: number;
  label?: string;
  testId?: string;
}

export const ImageThumb = memo(function ImageThumb({ values, width, height, mode = 'grey', max, size = 42, label, testId }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const rgba = mode === 'signed' ? divergingToRgba(values) : greyToRgba(values, max ?? maxOf(values));
    const img = ctx.createImageData(width, height);
    img.data.set(rgba);
    ctx.putImageData(img, 0, 0);
  }, [values, width, height, mode, max]);
  const scale = size / Math.max(width, height);
  return (
    <canvas
      ref={ref}
      className="image-thumb"
      width={width}
      height={height}
      style={{ width: width * scale, height: height * scale }}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      data-testid={testId}
    />
  );
});
