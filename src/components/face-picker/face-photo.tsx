// A photo with its faces boxed (face search, enrolment from a group photo). Coordinates are the photo's own pixels
// (§3.25's "x1,y1,x2,y2", §5.1's pos_*), so the overlay's viewBox is the
// picture's natural size and the boxes scale with it. Boxes can be clicked;
// the keyboard way to choose a face is the list beside the photo.
import { useEffect, useState } from 'react';
import type { Box } from '../../api/protocol/face-box';
import './face-picker.css';

export interface PhotoBox {
  box: Box;
  label: string;
}

function useObjectUrl(file: Blob): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const u = URL.createObjectURL(file);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);
  return url;
}

export function FacePhoto({
  file,
  alt,
  boxes,
  selected,
  onSelect,
}: {
  file: Blob;
  alt: string;
  boxes: readonly PhotoBox[];
  selected?: number;
  onSelect?: (index: number) => void;
}) {
  const url = useObjectUrl(file);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  return (
    <div className="face-photo">
      {url && <img src={url} alt={alt} onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })} />}
      {size && boxes.length > 0 && (
        <svg className="face-photo__overlay" viewBox={`0 0 ${size.w} ${size.h}`} preserveAspectRatio="none" aria-hidden>
          {boxes.map(({ box, label }, i) => {
            const on = selected === i;
            const font = Math.max(14, size.w / 45);
            return (
              <g key={i} className={onSelect ? 'face-photo__box face-photo__box--pick' : 'face-photo__box'} onClick={() => onSelect?.(i)}>
                <rect
                  x={box.x1}
                  y={box.y1}
                  width={box.x2 - box.x1}
                  height={box.y2 - box.y1}
                  fill="transparent"
                  stroke={on ? '#ff4d4f' : '#52c41a'}
                  strokeWidth={on ? 4 : 2.5}
                  vectorEffect="non-scaling-stroke"
                />
                <text
                  x={box.x1}
                  y={Math.max(font, box.y1 - font * 0.3)}
                  fontSize={font}
                  fill={on ? '#ff4d4f' : '#52c41a'}
                  stroke="#000"
                  strokeWidth={0.6}
                  paintOrder="stroke"
                >
                  {label}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}
