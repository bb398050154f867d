/**
 * The one origin the app is served from and the Content-Security-Policy sent with every response.
 * Shared by the protocol handler, the window hardening and the IPC sender check.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tenure';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/desktop.html`;

/** 'wasm-unsafe-eval' lets duckdb-wasm compile; blob: workers are how it starts its worker. */
export const CONTENT_SECURITY_POLICY = [
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
].join('; ');

/** True only for URLs on app://tenure/ (a string prefix test would accept app://tenure.evil/). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}
