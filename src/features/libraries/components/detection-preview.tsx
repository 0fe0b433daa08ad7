import { Progress, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { Detection } from '../../../api/protocol/recognition';
import { useLibT } from '../messages';

/**
 * Not the device's number: the reference gives no enrolment threshold. Below
 * this the console warns that the device may refuse the photo (-1102).
 */
export const LOW_QUALITY_HINT = 30;

/** "x1,y1,x2,y2" (§3.25) in the picture's pixels, or null. */
export function parseBox(coordinate: string): { x1: number; y1: number; x2: number; y2: number } | null {
  const n = coordinate.split(',').map((s) => Number(s.trim()));
  if (n.length !== 4 || n.some((v) => !Number.isFinite(v))) return null;
  const [x1, y1, x2, y2] = n as [number, number, number, number];
  return x2 > x1 && y2 > y1 ? { x1, y1, x2, y2 } : null;
}

/**
 * The chosen photo with the face the device found drawn over it, and its
 * quality. A TIFF (which browsers do not show) is described instead.
 */
export function DetectionPreview({ file, detection }: { file: File; detection: Detection | null }) {
  const t = useLibT();
  const [url, setUrl] = useState<string | null>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const [unshowable, setUnshowable] = useState(false);

  useEffect(() => {
    const u = URL.createObjectURL(file);
    setUrl(u);
    setSize(null);
    setUnshowable(false);
    return () => URL.revokeObjectURL(u);
  }, [file]);

  const box = detection ? parseBox(detection.coordinate) : null;
  const low = detection !== null && detection.quality < LOW_QUALITY_HINT;

  return (
    <figure className="detect">
      <div className="detect__frame">
        {url && !unshowable && (
          <img
            src={url}
            alt={t('enrol.previewAlt', { name: file.name })}
            onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
            onError={() => setUnshowable(true)}
          />
        )}
        {unshowable && <div className="detect__none">{t('enrol.noPreview', { name: file.name })}</div>}
        {box && size && !unshowable && (
          <div
            className={`detect__box${low ? ' detect__box--low' : ''}`}
            aria-hidden
            style={{
              left: `${(box.x1 / size.w) * 100}%`,
              top: `${(box.y1 / size.h) * 100}%`,
              width: `${((box.x2 - box.x1) / size.w) * 100}%`,
              height: `${((box.y2 - box.y1) / size.h) * 100}%`,
            }}
          >
            <span className="detect__label">{detection!.quality}</span>
          </div>
        )}
      </div>
      {detection && (
        <figcaption className="detect__caption">
          <div className="detect__quality">
            <span>{t('enrol.quality')}</span>
            {/* The number beside the bar, in the text colour: antd's coloured indicator is too pale to read. */}
            <Progress
              percent={detection.quality}
              size="small"
              status={low ? 'exception' : 'success'}
              showInfo={false}
              aria-label={t('enrol.quality')}
            />
            <strong>{detection.quality}</strong>
          </div>
          {low && <div className="lib-warn">{t('enrol.lowQuality')}</div>}
          <div className="detect__attrs">
            {box && <Tag>{t('enrol.box', { w: Math.round(box.x2 - box.x1), h: Math.round(box.y2 - box.y1) })}</Tag>}
            <Tag>
              {detection.attribute.gender_code === 'male'
                ? t('enrol.looksMale')
                : detection.attribute.gender_code === 'female'
                  ? t('enrol.looksFemale')
                  : detection.attribute.gender_code}
            </Tag>
            {Number.isFinite(Number(detection.attribute.st_age_value)) && (
              <Tag>{t('enrol.looksAge', { age: Math.round(Number(detection.attribute.st_age_value)) })}</Tag>
            )}
            {detection.attribute.glass_style !== 'glasses_style_type_none' && <Tag>{t('enrol.glasses')}</Tag>}
            {detection.attribute.respirator_color !== 'color_type_none' && <Tag>{t('enrol.mask')}</Tag>}
            {detection.attribute.cap_style !== 'hat_style_type_none' && <Tag>{t('enrol.hat')}</Tag>}
          </div>
        </figcaption>
      )}
    </figure>
  );
}
