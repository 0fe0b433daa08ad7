// The one place that knows where the device is. Vite's dev and preview servers
// (through server/vite-plugin.ts) and the production server (server/main.ts)
// all forward with server/forward.ts, so the same build runs against the
// embedded emulator or a real node on site (DEVICE_URL=http://192.168.1.20 npm start).
export { DeviceTarget, deviceUrl, EMULATOR_DEFAULT_URL } from './server/device.ts';
export { deviceProxyPlugin } from './server/vite-plugin.ts';
export { createForwarder } from './server/forward.ts';
