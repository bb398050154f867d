import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { protocol } from './electronMock';
import { CONTENT_SECURITY_POLICY, isAppUrl } from '../../electron/appOrigin';
import { createAppProtocolHandler, registerAppScheme, resolveAppPath, serveAppProtocol } from '../../electron/appProtocol';

vi.mock('electron', () => import('./electronMock'));

let root: string;
let serve: (req: Request) => Promise<Response>;

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'tenure-proto-'));
  root = join(base, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'desktop.html'), '<!doctype html><title>Tenure</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'duckdb-eh.wasm'), new Uint8Array([0, 97, 115, 109]));
  writeFileSync(join(base, 'secret.txt'), 'top secret');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
  serve = createAppProtocolHandler(root);
});

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme before ready', () => {
    registerAppScheme();
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0] as [{ scheme: string; privileges: Record<string, boolean> }[]];
    expect(schemes[0].scheme).toBe('app');
    expect(schemes[0].privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    serveAppProtocol(root);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves dist files with the strict CSP and the right types', async () => {
    const html = await get('app://tenure/desktop.html');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toContain('<title>Tenure</title>');
    const wasm = await get('app://tenure/assets/duckdb-eh.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    const js = await get('app://tenure/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    for (const r of [html, wasm, js]) {
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('has every required CSP directive', () => {
    for (const d of [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "worker-src 'self' blob:",
      "connect-src 'self' blob: data:",
      "img-src 'self' data: blob:",
      "style-src 'self' 'unsafe-inline'",
      "font-src 'self' data:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(CONTENT_SECURITY_POLICY.split('; ')).toContain(d);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/ 'unsafe-eval'|https?:|\*/);
  });

  it('serves desktop.html for the root', async () => {
    expect(await (await get('app://tenure/')).text()).toContain('Tenure');
  });

  it('refuses path traversal, also encoded, and still sends the CSP', async () => {
    for (const url of [
      'app://tenure/..%2fsecret.txt',
      'app://tenure/assets/..%2f..%2fsecret.txt',
      'app://tenure/%2e%2e%2fsecret.txt',
      'app://tenure/assets/..%5c..%5csecret.txt',
      'app://tenure/desktop.html%00.js',
      'app://tenure/%E0%A4%A',
    ]) {
      const r = await get(url);
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      expect(await r.text()).not.toContain('top secret');
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('does not follow a symlink out of dist/', async () => {
    const r = await get('app://tenure/assets/link.txt');
    expect(r.status).toBe(403);
    expect(await r.text()).not.toContain('top secret');
  });

  it('refuses other hosts, missing files, directories and non-GET methods', async () => {
    expect((await get('app://evil/desktop.html')).status).toBe(403);
    expect((await get('app://tenure/nope.js')).status).toBe(404);
    expect((await get('app://tenure/assets')).status).toBe(404);
    expect((await get('app://tenure/desktop.html', 'POST')).status).toBe(405);
    const head = await get('app://tenure/desktop.html', 'HEAD');
    expect(head.status).toBe(200);
  });

  it('resolveAppPath keeps every result inside the root', () => {
    expect(resolveAppPath(root, 'app://tenure/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppPath(root, 'app://tenure/a/../../../etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(resolveAppPath(root, 'app://tenure/..%2F..%2Fetc%2Fpasswd')).toBeNull();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
  });

  it('isAppUrl accepts only app://tenure', () => {
    expect(isAppUrl('app://tenure/desktop.html')).toBe(true);
    for (const u of ['app://tenure.evil/', 'app://evil/tenure/', 'https://tenure/', 'file:///app://tenure/', '', null, undefined]) {
      expect(isAppUrl(u), String(u)).toBe(false);
    }
  });
});
