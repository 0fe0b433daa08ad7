// Security headers for everything the console's server answers.
import type http from 'node:http';

/**
 * The policy the console works under (the e2e suite runs under it, failing on
 * any console error):
 * - scripts only from the console itself; the live push's Worker is a file of
 *   the build (worker-src 'self');
 * - styles from itself plus inline: antd (cssinjs) and rc-motion write <style>
 *   elements and style attributes at run time, so 'unsafe-inline' is needed for
 *   styles (never for scripts);
 * - pictures from itself, data: (antd's icons, placeholders) and blob: (photos
 *   chosen for upload, pictures the live push decodes);
 * - connections to itself: http(s) is 'self'; ws(s) to the same host is named
 *   as well, for browsers whose 'self' does not cover WebSockets;
 * - no framing (clickjacking), no plugins, no <base> or form posts elsewhere.
 */
export function contentSecurityPolicy(host: string | undefined): string {
  // Only a plain host[:port] goes into the header (the Host header is the client's).
  const self = host && /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    `connect-src 'self'${self}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The host the browser asked for: HTTP/2 carries it as :authority and has no Host header (RFC 9113 §8.3.1). */
export function requestHost(req: http.IncomingMessage): string | undefined {
  const authority = req.headers[':authority'];
  return req.headers.host ?? (typeof authority === 'string' ? authority : undefined);
}

export function setSecurityHeaders(req: http.IncomingMessage, res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(requestHost(req)));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  // No Strict-Transport-Security: a site's certificate is often self-signed,
  // and HSTS would forbid the browser's click-through on it.
}
