// The live stream's public face. The app shell calls connectLive({ call }) once
// after login (and socket.resume() after a re-login); components read
// useLiveAlarms / useLiveStatus and never touch the socket.
import { browserWsUrl, createLiveSocket, type LiveSocket, type LiveSocketDeps } from './live-socket';
import { liveStore, type LiveStore } from './live-store';
import { browserTransport } from './push-browser';

export * from './live-event';
export * from './live-socket';
export * from './live-store';
export { holdPictureSrc, usePictureSrc } from './picture-url';

export type ConnectLiveOptions = Omit<LiveSocketDeps, 'onEvent' | 'onStatus' | 'onStats' | 'wsUrl'> & {
  wsUrl?: () => string;
  store?: LiveStore;
};

/** The socket wired to the store. Not started: call start(). */
export function connectLive(options: ConnectLiveOptions): LiveSocket {
  const { store = liveStore, wsUrl = browserWsUrl, ...deps } = options;
  return createLiveSocket({
    ...deps,
    // The browser parses the push in a worker; a given WebSocket (tests) is used as is.
    transport: deps.transport ?? (deps.WebSocketImpl ? undefined : browserTransport()),
    wsUrl,
    onEvent: (event) => store.getState().enqueue(event),
    onStatus: (status) => store.getState().setStatus(status),
    onStats: (stats) => store.getState().setSocketStats(stats),
  });
}
export { createFleetLive, fleetLiveStore, useFleetLiveStatus, type FleetLive, type FleetNodeDeps } from './fleet-live';
