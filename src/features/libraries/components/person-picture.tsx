import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { BoxOverlay } from '../../../components/box-overlay';
import { deviceFileUrl } from '../../../api/protocol/files';
import { galleryQueries } from '../api/gallery-queries';
import { FaceThumb } from './face-thumb';

/**
 * The person's stored picture, whole, with the face the device enrolled boxed
 * (its main face, §3.25): a person enrolled from a group photo before the
 * console cut faces out is still told apart from the others in it. Without a
 * box (detection failed, or still running) the picture alone.
 */
export function PersonPicture({ path, alt }: { path: string; alt: string }) {
  const box = useQuery({ ...galleryQueries.faceBox(path), enabled: path !== '' });
  const [failed, setFailed] = useState(false);
  if (!path || failed) return <FaceThumb path="" alt={alt} size={240} />;
  const b = box.data;
  return (
    <BoxOverlay
      className="person-picture"
      src={deviceFileUrl(path)}
      alt={alt}
      box={b ? { left: b.x1, right: b.x2, top: b.y1, bottom: b.y2 } : null}
      onError={() => setFailed(true)}
    />
  );
}
