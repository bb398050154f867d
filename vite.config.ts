import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// Two pages from one renderer: index.html (web, browser host) and desktop.html (Electron host).
// Relative base so the build works from file:// or a custom protocol inside Electron.
export default defineConfig({
  base: './',
  plugins: [react()],
  publicDir: 'renderer/public',
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The duckdb-wasm binaries are ~35 MB each: never inline them as data URLs.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2048,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        desktop: resolve(import.meta.dirname, 'desktop.html'),
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
