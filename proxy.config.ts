// The one place that knows where the device is. Vite's dev server and
// `vite preview` both use it, so the same build runs against the embedded
// emulator or a real node on site (DEVICE_URL=http://192.168.1.20 npm start).
import type { ProxyOptions } from 'vite';

/** The embedded emulator's default address (npm start starts it there). */
export const EMULATOR_DEFAULT_URL = 'http://127.0.0.1:8480';

export function deviceUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DEVICE_URL?.trim() || EMULATOR_DEFAULT_URL;
  // An installer types "192.168.1.20": take it as http on port 80 (§1).
  return /^https?:\/\//i.test(raw) ? raw.replace(/\/+$/, '') : `http://${raw.replace(/\/+$/, '')}`;
}

export function deviceProxy(target = deviceUrl()): Record<string, ProxyOptions> {
  const common: ProxyOptions = {
    target,
    changeOrigin: true,
    // A node switched to HTTPS (§8.4) serves a self-signed certificate.
    secure: false,
  };
  return {
    // JSON and form operations (§1).
    '/api': common,
    // The WebSocket push at /ws/ (§9.2), the stored pictures at /ws/<img_path>
    // and /ws/<snap_path> (§3.6, §7.4), and the exports at /ws/<export_url>.
    '/ws': { ...common, ws: true },
  };
}
