import './brand.css';

/** The product's mark and both of its names (they are names: not translated). */
export function Brand({ compact = false }: { compact?: boolean }) {
  return (
    <div className={compact ? 'brand brand--compact' : 'brand'}>
      <BrandMark />
      {!compact && (
        <span className="brand__names">
          <span className="brand__zh" lang="zh-CN">
            星云 M
          </span>
          <span className="brand__en" lang="en">
            SenseNebula-M
          </span>
        </span>
      )}
    </div>
  );
}

export function BrandMark({ size = 36 }: { size?: number }) {
  return (
    <svg className="brand__mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="brand-g" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#5b8cff" />
          <stop offset="1" stopColor="#7a4dff" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill="url(#brand-g)" />
      <ellipse
        cx="16"
        cy="16"
        rx="11"
        ry="4.5"
        fill="none"
        stroke="#fff"
        strokeOpacity="0.55"
        strokeWidth="1.5"
        transform="rotate(-28 16 16)"
      />
      <circle cx="16" cy="16" r="4.2" fill="#fff" />
      <circle cx="24.5" cy="10.5" r="1.6" fill="#fff" />
    </svg>
  );
}
