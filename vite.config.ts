import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outputDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

/**
 * @fontsource's stylesheets name a .woff copy of every subset beside the .woff2 one, for browsers
 * without WOFF2; both Chromiums here read WOFF2, so the copies would only double what ships.
 */
function woff2Only(): Plugin {
  return {
    name: 'inkwell-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/][^?]+\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, ''), map: null };
    },
  };
}

/**
 * The renderer is served from disk (Electron, custom protocol) and from the headless server at
 * `/`, so every asset path is relative (`base: './'`) and nothing is fetched from elsewhere.
 */
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), woff2Only()],
  build: {
    outDir: outputDir,
    emptyOutDir: true,
    // Electron's Chromium and Debian's Chromium are both recent; no legacy transforms needed.
    target: 'es2022',
    sourcemap: true,
    // Loaded from disk or 127.0.0.1, never over a network: one bundle of React + Lexical is fine.
    chunkSizeWarningLimit: 800,
    // Small font subsets would be inlined as data: URLs, which the page's policy (fonts from
    // 'self' only) refuses: those characters would show as boxes. Every font stays a file.
    assetsInlineLimit: (file) => (/\.woff2?$/.test(file) ? false : undefined),
  },
});
