import { deviceFileUrl } from '../../../api/protocol/files';
import { nodeBase } from '../../../session/node-store';
/** A stored picture from the device (`node`: another node's), small and lazy; its alt text says what it shows. */
export function Thumb({
  path,
  alt,
  node,
  width = 56,
  height = 56,
}: {
  path: string;
  alt: string;
  node?: string;
  width?: number;
  height?: number;
}) {
  if (!path) return <span className="records-thumb records-thumb--empty" style={{ width, height }} aria-hidden />;
  return (
    <img
      className="records-thumb"
      src={node === undefined ? deviceFileUrl(path) : deviceFileUrl(path, nodeBase(node))}
      alt={alt}
      width={width}
      height={height}
      loading="lazy"
      decoding="async"
    />
  );
}
