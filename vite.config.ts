import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outputDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

/**
 * The renderer is served from disk (Electron, custom protocol) and from the headless server at
 * `/`, so every asset path is relative (`base: './'`) and nothing is fetched from elsewhere.
 */
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: outputDir,
    emptyOutDir: true,
    // Electron's Chromium and Debian's Chromium are both recent; no legacy transforms needed.
    target: 'es2022',
    sourcemap: true,
    // Loaded from disk or 127.0.0.1, never over a network: one bundle of React + Lexical is fine.
    chunkSizeWarningLimit: 800,
  },
});
