import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { deviceProxy } from './proxy.config';

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false, proxy: deviceProxy() },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false, proxy: deviceProxy() },
  build: { target: 'es2022', sourcemap: false },
});
