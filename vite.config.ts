import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { deviceProxyPlugin } from './proxy.config.ts';
import { serverBuildPlugin } from './server/build-plugin.ts';

export default defineConfig({
  // The device forwarding (server/forward.ts) is a plugin, not `server.proxy`:
  // the production server runs the same code.
  plugins: [react(), deviceProxyPlugin(), serverBuildPlugin()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  build: {
    target: 'es2022',
    sourcemap: false,
    // dist/.vite/manifest.json: bench/bundle.ts follows it to measure the login's first load.
    manifest: true,
  },
});
