import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * zod 4 compiles object parsers with `new Function` when the page allows it, and finds out by
 * trying (`new Function('')` in a try/catch) as each object schema is built, at module load. Under
 * the app's `script-src 'self'` (no 'unsafe-eval'; the sandbox serves it that way) even that
 * caught probe is reported as a CSP violation. `z.config({ jitless: true })` skips the probe, but
 * only for schemas built after it runs, and schemas are built when their modules load, possibly
 * in a chunk that runs before main.tsx. zod reads its config from this global when it loads, so
 * the chunk that holds zod sets it first. The interpreted parser is plenty for our payloads.
 */
function zodWithoutEval(): Plugin {
  const zodCore = /[\\/]zod[\\/]v4[\\/]core[\\/]core\.js$/;
  return {
    name: 'zod-without-eval',
    apply: 'build',
    renderChunk(code, chunk) {
      if (!chunk.moduleIds.some((id) => zodCore.test(id))) return null;
      return { code: `globalThis.__zod_globalConfig = { jitless: true };\n${code}`, map: null };
    },
  };
}

// The app is served by Zendesk from `<asset_url_prefix>/index.html`, a CDN prefix we do not know
// in advance, so every URL in the built page must be relative (`base: './'`) and the page, its
// script and its styles sit side by side in dist/assets/. scripts/build.ts adds manifest.json,
// translations/ and the logos around it.
export default defineConfig({
  root: fromRoot('./src'),
  base: './',
  publicDir: false,
  plugins: [react(), zodWithoutEval()],
  build: {
    outDir: fromRoot('./dist/assets'),
    emptyOutDir: true,
    assetsDir: '.',
    // Garden + React + zod make one ~150 kB gzip chunk; the bench reports the real figure.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      input: fromRoot('./src/index.html'),
      // Libraries only the campaign steps use get chunks of their own, so a small module they
      // share with the first screen never drags them into the initial download.
      output: {
        advancedChunks: {
          groups: [
            { name: 'dates', test: /node_modules[\\/](date-fns|@date-fns)[\\/]/ },
            { name: 'liquid', test: /node_modules[\\/]liquidjs[\\/]/ },
            { name: 'csv', test: /node_modules[\\/]papaparse[\\/]/ },
            // Calendar days without time zones: the stored draft needs them, the time zone maths not.
            { name: 'day', test: /src[\\/]domain[\\/]time[\\/]day\.ts$/ },
          ],
        },
      },
    },
  },
});
