import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { deviceProxy } from './proxy.config.ts';

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false, proxy: deviceProxy() },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false, proxy: deviceProxy() },
  build: {
    target: 'es2022',
    sourcemap: false,
    // dist/.vite/manifest.json: bench/bundle.ts follows it to measure the login's first load.
    manifest: true,
  },
});
