/**
 * Serves the built renderer (dist/) on app://tenure/ instead of file://: a real origin for the CSP
 * and 'self', no ambient file-system access, and a path-traversal check on every request.
 */
import { protocol } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './appOrigin';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  // WebAssembly.instantiateStreaming refuses any other type.
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** Must run before app 'ready': a standard + secure scheme gets a real origin, fetch and workers. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
}

function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
}

function refuse(status: number): Response {
  return new Response(null, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/**
 * Maps a request URL to a file under `root`, or null when it would leave it. Decodes first, since
 * `%2e%2e%2f` survives URL normalisation; NUL bytes and backslashes are refused outright.
 */
export function resolveAppPath(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  // Exactly app://tenure: no other host, no port, no user-info (`app://x@tenure/` is not our origin).
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel === '/' || rel === '') rel = '/desktop.html';
  const base = resolve(root);
  const full = resolve(base, '.' + rel);
  return full.startsWith(base + sep) ? full : null;
}

/** The protocol.handle callback; exported separately so tests can call it without Electron. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const file = resolveAppPath(root, request.url);
    if (!file) return refuse(403);
    try {
      // A symlink inside dist/ must not lead outside it either.
      const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
      if (!realFile.startsWith(realRoot + sep)) return refuse(403);
      const info = await stat(realFile);
      if (!info.isFile()) return refuse(404);
      const type = MIME[extname(realFile).toLowerCase()] ?? 'application/octet-stream';
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(realFile));
      return new Response(body, { status: 200, headers: securityHeaders(type) });
    } catch {
      return refuse(404);
    }
  };
}

export function serveAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
