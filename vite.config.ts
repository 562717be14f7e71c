import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The app is served by Zendesk from `<asset_url_prefix>/index.html`, a CDN prefix we do not know
// in advance, so every URL in the built page must be relative (`base: './'`) and the page, its
// script and its styles sit side by side in dist/assets/. scripts/build.ts adds manifest.json,
// translations/ and the logos around it.
export default defineConfig({
  root: fromRoot('./src'),
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: fromRoot('./dist/assets'),
    emptyOutDir: true,
    assetsDir: '.',
    // Garden + React + zod make one ~150 kB gzip chunk; the bench reports the real figure.
    chunkSizeWarningLimit: 700,
    rolldownOptions: { input: fromRoot('./src/index.html') },
  },
});
