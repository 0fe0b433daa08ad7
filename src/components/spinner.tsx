import './spinner.css';

/** A CSS-only spinner for screens that do not load antd (login, boot). Decorative. */
export function Spinner({ size = 16 }: { size?: number }) {
  return <span className="spinner" aria-hidden="true" style={{ width: size, height: size }} />;
}
