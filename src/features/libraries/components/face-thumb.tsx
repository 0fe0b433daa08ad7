import { UserOutlined } from '../../../components/icons';
import { useState } from 'react';
import { deviceFileUrl } from '../../../api/protocol/files';

/**
 * A stored face picture from /ws/<img_path>, loaded only when it scrolls near
 * (loading="lazy"); a picture the device no longer has shows a placeholder.
 */
export function FaceThumb({ path, alt, size }: { path: string; alt: string; size: number }) {
  const [failed, setFailed] = useState(false);
  if (!path || failed) {
    return (
      <span className="face-thumb face-thumb--none" style={{ width: size, height: size }} role="img" aria-label={alt}>
        <UserOutlined aria-hidden />
      </span>
    );
  }
  return (
    <img
      className="face-thumb"
      src={deviceFileUrl(path)}
      alt={alt}
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}
