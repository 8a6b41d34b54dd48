import { defineConfig } from 'vite';

// The preload runs sandboxed, where only CommonJS and a few Electron modules can be required,
// so it is bundled (contract and zod included) into one .cjs file.
export default defineConfig({
  build: {
    outDir: 'dist/preload',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    lib: {
      entry: 'electron/preload.ts',
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rollupOptions: { external: ['electron'] },
  },
});
