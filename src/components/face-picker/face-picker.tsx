// Several faces in one photo: the photo with each face boxed and numbered left
// to right, and a radio list (the keyboard's way) to choose one. Face search
// picks the face to search, enrolment the face to enrol. The words are the
// caller's (a shared component knows no feature's messages).
import { Radio, Typography } from 'antd';
import { useId } from 'react';
import { parseCoordinate } from '../../api/protocol/face-box';
import { FacePhoto, type PhotoBox } from './face-photo';

export interface PickableFace {
  coordinate: string;
  quality: number;
}

export function FacePicker({
  file,
  alt,
  faces,
  selected,
  onSelect,
  prompt,
  faceLabel,
}: {
  file: Blob;
  alt: string;
  /** In the order they are numbered (leftToRight). */
  faces: readonly PickableFace[];
  /** null: none chosen yet. */
  selected: number | null;
  onSelect: (index: number) => void;
  prompt: string;
  faceLabel: (n: number, quality: number) => string;
}) {
  const id = useId();
  return (
    <>
      <FacePhoto file={file} alt={alt} boxes={faceBoxes(faces)} selected={selected ?? undefined} onSelect={onSelect} />
      <div>
        <Typography.Paragraph id={`${id}-pick`}>{prompt}</Typography.Paragraph>
        <Radio.Group
          aria-labelledby={`${id}-pick`}
          value={selected}
          onChange={(e) => onSelect(e.target.value as number)}
          options={faces.map((f, i) => ({ value: i, label: faceLabel(i + 1, f.quality) }))}
        />
      </div>
    </>
  );
}

/** Each face's box labelled with its number (1 = leftmost). */
export function faceBoxes(faces: readonly { coordinate: string }[]): PhotoBox[] {
  return faces.flatMap((f, i) => {
    const box = parseCoordinate(f.coordinate);
    return box ? [{ box, label: String(i + 1) }] : [];
  });
}
