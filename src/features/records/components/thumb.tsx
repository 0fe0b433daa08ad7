import { deviceFileUrl } from '../../../api/protocol/files';
/** A stored picture from the device, small and lazy; its alt text says what it shows. */
export function Thumb({ path, alt, width = 56, height = 56 }: { path: string; alt: string; width?: number; height?: number }) {
  if (!path) return <span className="records-thumb records-thumb--empty" style={{ width, height }} aria-hidden />;
  return (
    <img className="records-thumb" src={deviceFileUrl(path)} alt={alt} width={width} height={height} loading="lazy" decoding="async" />
  );
}
