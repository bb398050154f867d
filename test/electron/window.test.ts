import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeWebContents, fakeSession } from './electronMock';
import { createMainWindow, hardenWebContents, secureWebPreferences } from '../../electron/window';

vi.mock('electron', () => import('./electronMock'));

function navEvent(url?: string) {
  return { url, preventDefault: vi.fn() };
}

describe('main window', () => {
  beforeEach(() => {
    FakeBrowserWindow.instances.length = 0;
  });

  it('uses locked-down webPreferences', () => {
    const win = createMainWindow({ preloadDir: '/app/dist-electron', devTools: false, title: 'Tenure' });
    const prefs = (win as unknown as FakeBrowserWindow).options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(prefs.preload).toBe('/app/dist-electron/preload.cjs');
  });

  it('secureWebPreferences never enables Node, whatever devTools is', () => {
    for (const dev of [true, false]) {
      const p = secureWebPreferences('/p.cjs', dev);
      expect([p.nodeIntegration, p.contextIsolation, p.sandbox, p.webSecurity, p.webviewTag]).toEqual([false, true, true, true, false]);
    }
  });

  it('loads the desktop entry from app://tenure/ and shows when ready', () => {
    const win = createMainWindow({ preloadDir: '/x', devTools: false, title: 'Tenure' }) as unknown as FakeBrowserWindow;
    expect(win.loadedUrl).toBe('app://tenure/desktop.html');
    expect(win.options.show).toBe(false);
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('blocks navigation away from the app and allows in-app navigation', () => {
    const wc = new FakeWebContents();
    hardenWebContents(wc as never);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://tenure.evil/desktop.html', 'javascript:alert(1)', 'not a url']) {
      for (const ev of ['will-navigate', 'will-redirect']) {
        const e = navEvent();
        wc.emit(ev, e, url);
        expect(e.preventDefault, `${ev} ${url}`).toHaveBeenCalled();
      }
      const f = navEvent(url);
      wc.emit('will-frame-navigate', f);
      expect(f.preventDefault).toHaveBeenCalled();
    }
    const ok = navEvent();
    wc.emit('will-navigate', ok, 'app://tenure/desktop.html#/x');
    expect(ok.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every new window and webview', () => {
    const wc = new FakeWebContents();
    hardenWebContents(wc as never);
    expect(wc.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler?.({ url: 'app://tenure/desktop.html' })).toEqual({ action: 'deny' });
    const e = navEvent();
    wc.emit('will-attach-webview', e, {}, {});
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('hardening twice does not stack listeners', () => {
    const wc = new FakeWebContents();
    hardenWebContents(wc as never);
    hardenWebContents(wc as never);
    expect(wc.listenerCount('will-navigate')).toBe(1);
  });
});

describe('session hardening', () => {
  beforeEach(() => {
    createMainWindow({ preloadDir: '/x', devTools: false, title: 'Tenure' });
  });

  it('denies permission requests', () => {
    const wc = new FakeWebContents();
    for (const perm of ['media', 'geolocation', 'notifications', 'openExternal', 'fileSystem', 'clipboard-read', 'hid', 'serial', 'usb']) {
      const cb = vi.fn();
      fakeSession.permissionRequestHandler!(wc, perm, cb, { requestingUrl: 'app://tenure/desktop.html', isMainFrame: true });
      expect(cb, perm).toHaveBeenCalledWith(false);
    }
  });

  it('allows only clipboard writes, and only for the app origin', () => {
    const wc = new FakeWebContents();
    const ok = vi.fn();
    fakeSession.permissionRequestHandler!(wc, 'clipboard-sanitized-write', ok, { requestingUrl: 'app://tenure/desktop.html', isMainFrame: true });
    expect(ok).toHaveBeenCalledWith(true);
    const foreign = vi.fn();
    fakeSession.permissionRequestHandler!(wc, 'clipboard-sanitized-write', foreign, { requestingUrl: 'https://evil.example/', isMainFrame: true });
    expect(foreign).toHaveBeenCalledWith(false);
    expect(fakeSession.permissionCheckHandler!(wc, 'media', 'app://tenure')).toBe(false);
    expect(fakeSession.permissionCheckHandler!(wc, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(fakeSession.devicePermissionHandler!({})).toBe(false);
  });

  it('cancels every request that is not app:, blob: or data:', () => {
    const decide = (url: string): boolean => {
      let cancel: boolean | undefined;
      fakeSession.beforeRequest!({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel!;
    };
    for (const url of ['https://cdn.example/x.js', 'http://127.0.0.1:5173/', 'ws://x/', 'file:///etc/passwd', 'ftp://x/', '::bad']) {
      expect(decide(url), url).toBe(true);
    }
    for (const url of ['app://tenure/assets/a.js', 'blob:app://tenure/123', 'data:image/png;base64,AA==']) {
      expect(decide(url), url).toBe(false);
    }
  });
});
