// What the console's own server says of the device. The production server
// (server/app.ts) answers GET /healthz with the device's URL it forwards to;
// the dev server and nginx (deploy/nginx.conf) do not say it, and then the
// console does not know the device's address (location.host is the console's).
// With several nodes (docs/fleet.md) `device` is the first, the one /api goes to.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';

const HEALTH_PATH = '/healthz';
const health = z.object({ device: z.object({ url: z.string().url() }) });

export const consoleServerQueries = {
  /** The device's URL as the console's server knows it, or null where it does not say. */
  deviceUrl: () =>
    queryOptions({
      queryKey: ['console-server', 'device-url'] as const,
      queryFn: async ({ signal }): Promise<string | null> => {
        try {
          const res = await fetch(HEALTH_PATH, { signal, cache: 'no-store', headers: { Accept: 'application/json' } });
          if (!res.ok) return null;
          const parsed = health.safeParse(await res.json());
          return parsed.success ? parsed.data.device.url : null;
        } catch {
          return null;
        }
      },
      staleTime: 60_000,
      retry: false,
    }),
};

/**
 * The device's address after §8.4 switches it to `scheme`: the same host; a
 * port written in the URL is kept (a device behind a port map answers there on
 * either scheme), a default one becomes the new scheme's default.
 */
export function deviceUrlAfterSwitch(deviceUrl: string, scheme: 'http' | 'https'): string {
  const u = new URL(deviceUrl);
  return `${scheme}://${u.hostname.includes(':') ? `[${u.hostname}]` : u.hostname}${u.port ? `:${u.port}` : ''}/`;
}
