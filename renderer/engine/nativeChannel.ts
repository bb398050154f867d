/**
 * The renderer's end of the native engine (Electron): main answers connectEngine with a MessagePort
 * that the preload re-posts as a window message (see HostApi.connectEngine). Requests and Arrow IPC
 * bytes then flow straight between this page and the engine process.
 */
import type { EngineChannel, EngineResponse } from '../../shared/engine/engineProtocol';
import type { HostApi } from '../../shared/host/HostApi';

type EngineMessage = { tenureEngine?: string; reason?: string };

export function electronEngineChannel(host: HostApi): () => Promise<EngineChannel> {
  return () =>
    new Promise((resolve, reject) => {
      const onPort = (e: MessageEvent<EngineMessage>): void => {
        if (e.source !== window || e.data?.tenureEngine !== 'port' || !e.ports[0]) return;
        window.removeEventListener('message', onPort);
        const port = e.ports[0];
        const closeCbs: ((reason: string) => void)[] = [];
        const onExit = (ev: MessageEvent<EngineMessage>): void => {
          if (ev.source !== window || ev.data?.tenureEngine !== 'exited') return;
          window.removeEventListener('message', onExit);
          port.close();
          for (const cb of closeCbs) cb(String(ev.data.reason ?? 'exited'));
        };
        window.addEventListener('message', onExit);
        resolve({
          post: (msg) => port.postMessage(msg),
          onMessage: (cb) => {
            port.onmessage = (ev: MessageEvent<EngineResponse>) => cb(ev.data);
          },
          onClose: (cb) => void closeCbs.push(cb),
          close: () => {
            window.removeEventListener('message', onExit);
            port.close();
          },
        });
      };
      window.addEventListener('message', onPort);
      host.connectEngine!().catch((err: unknown) => {
        window.removeEventListener('message', onPort);
        reject(err as Error);
      });
    });
}
