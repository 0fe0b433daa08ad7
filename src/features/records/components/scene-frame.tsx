import { useState } from 'react';

export interface FrameBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The scene with the face box drawn over it. The box is in the frame's own
 * pixels (§9.2 pos_*), so the overlay takes the picture's natural size as its
 * coordinate system and scales with it.
 */
export function SceneFrame({ src, alt, box }: { src: string; alt: string; box: FrameBox | null }) {
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  return (
    <div className="records-scene">
      <img
        src={src}
        alt={alt}
        onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
      />
      {size && box && (
        <svg className="records-scene__overlay" viewBox={`0 0 ${size.w} ${size.h}`} preserveAspectRatio="none" aria-hidden>
          <rect
            x={box.left}
            y={box.top}
            width={Math.max(0, box.right - box.left)}
            height={Math.max(0, box.bottom - box.top)}
            fill="none"
            stroke="#ff4d4f"
            strokeWidth={3}
            vectorEffect="non-scaling-stroke"
          />
        </svg>
      )}
    </div>
  );
}
