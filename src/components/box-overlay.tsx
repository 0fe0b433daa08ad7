// A picture with a face or body box drawn over it. The box is in the picture's
// own pixels (§9.2 pos_*), so it is placed in percent of the natural size and
// scales with the picture. The reference's own example has top > bottom: the
// corners are taken whichever way round the device orders them.
import { useState } from 'react';
import './box-overlay.css';

export interface PictureBox {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

export interface BoxPercent {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The box in percent of a picture `w` × `h`, its corners in order. */
export function boxPercent(box: PictureBox, w: number, h: number): BoxPercent {
  return {
    left: (Math.min(box.left, box.right) / w) * 100,
    top: (Math.min(box.top, box.bottom) / h) * 100,
    width: (Math.abs(box.right - box.left) / w) * 100,
    height: (Math.abs(box.bottom - box.top) / h) * 100,
  };
}

export function BoxOverlay({
  src,
  alt,
  box,
  className,
  onError,
}: {
  src: string;
  alt: string;
  box: PictureBox | null;
  className?: string;
  onError?: () => void;
}) {
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  const rect = box && natural ? boxPercent(box, natural.w, natural.h) : null;
  return (
    <figure className={className ? `box-overlay ${className}` : 'box-overlay'}>
      <img
        src={src}
        alt={alt}
        onLoad={(e) => setNatural({ w: e.currentTarget.naturalWidth || 1, h: e.currentTarget.naturalHeight || 1 })}
        onError={onError}
      />
      {rect ? (
        <span
          className="box-overlay__box"
          data-testid="face-box"
          aria-hidden
          style={{ left: `${rect.left}%`, top: `${rect.top}%`, width: `${rect.width}%`, height: `${rect.height}%` }}
        />
      ) : null}
    </figure>
  );
}
