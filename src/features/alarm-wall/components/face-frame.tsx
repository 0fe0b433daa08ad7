// The scene (snap_frame) with the capture's box (§9.2 pos_*, in the frame's
// pixels) drawn over it, scaled with the picture.
import { useState } from 'react';
import type { LiveBox } from '../../../live';

export function FaceFrame({ src, box, label }: { src: string; box: LiveBox | null; label: string }) {
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  // The reference's own example has top > bottom: take the box's corners whichever way round.
  const rect =
    box && natural
      ? {
          left: (Math.min(box.left, box.right) / natural.w) * 100,
          top: (Math.min(box.top, box.bottom) / natural.h) * 100,
          width: (Math.abs(box.right - box.left) / natural.w) * 100,
          height: (Math.abs(box.bottom - box.top) / natural.h) * 100,
        }
      : null;
  return (
    <figure className="wall-frame">
      <img
        src={src}
        alt={label}
        onLoad={(e) => setNatural({ w: e.currentTarget.naturalWidth || 1, h: e.currentTarget.naturalHeight || 1 })}
      />
      {rect ? (
        <span
          className="wall-frame__box"
          data-testid="face-box"
          aria-hidden
          style={{ left: `${rect.left}%`, top: `${rect.top}%`, width: `${rect.width}%`, height: `${rect.height}%` }}
        />
      ) : null}
    </figure>
  );
}
