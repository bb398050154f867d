/**
 * Crafted URLs against the app:// handler: every way out of dist/ must be refused (and still carry
 * the CSP), and nothing outside dist/ may ever come back, whatever the encoding.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/appOrigin';
import { createAppProtocolHandler, resolveAppPath } from '../../electron/appProtocol';

vi.mock('electron', () => import('./electronMock'));

const SECRET = 'top secret';
let base: string;
let root: string;
let serve: (req: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'tenure-proto-urls-'));
  root = join(base, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'desktop.html'), '<!doctype html><title>Tenure</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  // A sibling whose name starts like the root: a prefix test ("starts with …/dist") would let it through.
  mkdirSync(join(base, 'dist-evil'));
  writeFileSync(join(base, 'dist-evil', 'secret.txt'), SECRET);
  serve = createAppProtocolHandler(root);
});

/** [why, url]: each must be refused (status ≥ 400), never with the secret in the body. */
const ATTACKS: [string, () => string][] = [
  ['encoded slash after ..', () => 'app://tenure/..%2fsecret.txt'],
  ['encoded dots', () => 'app://tenure/%2e%2e/secret.txt'],
  ['encoded dots and slash, upper case', () => 'app://tenure/%2E%2E%2Fsecret.txt'],
  ['deep encoded traversal', () => 'app://tenure/assets/..%2f..%2f..%2f..%2fetc%2fpasswd'],
  ['mixed encoded dot', () => 'app://tenure/.%2e/secret.txt'],
  ['encoded traversal into a prefix sibling', () => 'app://tenure/..%2fdist-evil%2fsecret.txt'],
  ['backslashes', () => 'app://tenure/..\\secret.txt'],
  ['encoded backslashes', () => 'app://tenure/assets/..%5c..%5csecret.txt'],
  ['double-encoded traversal', () => 'app://tenure/%252e%252e%252fsecret.txt'],
  ['double-encoded slash only', () => 'app://tenure/..%252fsecret.txt'],
  ['absolute path after the host', () => `app://tenure/${join(base, 'secret.txt')}`],
  ['encoded absolute path', () => `app://tenure/${encodeURIComponent(join(base, 'secret.txt'))}`],
  ['absolute path, empty host', () => `app://${join(base, 'secret.txt')}`],
  ['three slashes (no host)', () => 'app:///etc/passwd'],
  ['null byte before an extension', () => 'app://tenure/desktop.html%00.js'],
  ['null byte in traversal', () => 'app://tenure/%00/..%2fsecret.txt'],
  ['unicode one-dot leaders', () => 'app://tenure/%E2%80%A4%E2%80%A4%2fsecret.txt'],
  ['fullwidth full stops', () => 'app://tenure/%EF%BC%8E%EF%BC%8E%2fsecret.txt'],
  ['overlong UTF-8 dots (invalid)', () => 'app://tenure/%c0%ae%c0%ae%2fsecret.txt'],
  ['broken percent escape', () => 'app://tenure/%E0%A4%A'],
  ['other host', () => 'app://evil/desktop.html'],
  ['host that starts like ours', () => 'app://tenure.evil/desktop.html'],
  ['a port', () => 'app://tenure:8080/desktop.html'],
  ['upper-case host', () => 'app://TENURE/desktop.html'],
  ['file scheme', () => `file://${join(base, 'secret.txt')}`],
  ['http with our host', () => 'http://tenure/desktop.html'],
  ['traversal with a harmless query', () => 'app://tenure/..%2fsecret.txt?desktop.html'],
  ['traversal with a harmless hash', () => 'app://tenure/%2e%2e%2fsecret.txt#/desktop.html'],
  ['encoded ? and # to cut the path', () => 'app://tenure/..%2fsecret.txt%3F.html%23x'],
  ['many dots', () => 'app://tenure/....%2f....%2fsecret.txt'],
  ['a directory', () => 'app://tenure/assets/'],
];

describe('app:// handler refuses crafted URLs', () => {
  it(`has at least 20 crafted URLs (${ATTACKS.length})`, () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(20);
  });

  for (const [why, url] of ATTACKS) {
    it(`refuses: ${why}`, async () => {
      const r = await serve(new Request(url()));
      expect(r.status, url()).toBeGreaterThanOrEqual(400);
      expect(await r.text()).not.toContain(SECRET);
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      const p = resolveAppPath(root, url());
      if (p !== null) expect(p.startsWith(join(root, '/')), p).toBe(true);
    });
  }

  it('refuses user-info in front of our host (fetch cannot even build such a request)', () => {
    expect(resolveAppPath(root, 'app://evil@tenure/desktop.html')).toBeNull();
    expect(resolveAppPath(root, 'app://:pw@tenure/desktop.html')).toBeNull();
  });

  it('a query or hash never chooses the file: the path alone does', async () => {
    for (const url of ['app://tenure/desktop.html?file=../secret.txt', 'app://tenure/desktop.html#../../secret.txt', 'app://tenure/?/../../secret.txt']) {
      const r = await serve(new Request(url));
      expect(r.status, url).toBe(200);
      expect(await r.text()).toContain('<title>Tenure</title>');
    }
  });

  it('plain ../ is collapsed by the URL parser and stays inside dist/', async () => {
    expect(resolveAppPath(root, 'app://tenure/../../secret.txt')).toBe(join(root, 'secret.txt'));
    expect((await serve(new Request('app://tenure/../../secret.txt'))).status).toBe(404);
    expect(await (await serve(new Request('app://tenure/assets/../assets/app.js'))).text()).toBe('console.log(1)');
  });
});
