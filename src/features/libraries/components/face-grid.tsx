import { Checkbox } from 'antd';
import type { FaceRecord } from '../../../api/protocol/faces';
import { useLibT } from '../messages';
import { FaceThumb } from './face-thumb';

export function personLabel(f: Pick<FaceRecord, 'person_name' | 'img_id'>): string {
  return f.person_name || f.img_id;
}

/** One page of faces as thumbnails; each opens the person, each has its own checkbox. */
export function FaceGrid({
  faces,
  selected,
  onToggle,
  onOpen,
}: {
  faces: readonly FaceRecord[];
  selected: ReadonlySet<string>;
  onToggle: (face: FaceRecord, on: boolean) => void;
  onOpen: (face: FaceRecord) => void;
}) {
  const t = useLibT();
  return (
    <ul className="face-grid" aria-label={t('gallery.gridLabel')}>
      {faces.map((f) => {
        const label = personLabel(f);
        const meta = [
          f.person_gender === '0' || f.person_gender === '1' ? t(`gender.${f.person_gender}`) : '',
          f.person_age ? t('face.ageValue', { age: f.person_age }) : '',
        ]
          .filter(Boolean)
          .join(' · ');
        const isSelected = selected.has(f.img_id);
        return (
          <li key={f.img_id} className={`face-card${isSelected ? ' face-card--selected' : ''}`}>
            <button type="button" className="face-card__open" onClick={() => onOpen(f)} aria-label={t('face.open', { name: label })}>
              <FaceThumb path={f.img_path} alt="" size={120} />
              <span className="face-card__name">{f.person_name || <span className="lib-muted">{t('face.noName')}</span>}</span>
              <span className="face-card__meta">{meta || '\u00a0'}</span>
            </button>
            <Checkbox
              className="face-card__check"
              checked={isSelected}
              onChange={(e) => onToggle(f, e.target.checked)}
              aria-label={t('face.select', { name: label })}
            />
          </li>
        );
      })}
    </ul>
  );
}
