import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// shared/refinement only defines functions (its language model loads on first use), so it counts as free of side effects too.
const noWinkSideEffects = (id: string) => !/[\\/]node_modules[\\/]wink-/.test(id) && !/[\\/]shared[\\/]refinement[\\/]/.test(id);

// The client lives in client/ and builds to dist/client, which the relay
// serves. `npm run dev` proxies the relay's paths to a relay on :8080.
export default defineConfig({
  root: 'client',
  plugins: [
    react(),
    // A service worker precaches the app shell, so a board opens (and
    // reloads) with no network at all; its data comes from IndexedDB.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        // The refinement aids' language model (wink-nlp's, about 4 MB) is precached too, so they work offline.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/health/, /^\/sync\//, /^\/api\//],
      },
    }),
  ],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // wink-nlp and its English model (4 MB) have no side effects on import: a chunk that does not use the
    // refinement aids' text functions (the board, the forecast worker) leaves them out; those that do load them.
    rollupOptions: { treeshake: { moduleSideEffects: noWinkSideEffects } },
    // The board and its model load as about 830 kB (270 kB gzipped); the charts, the importers' parsers and the
    // refinement aids' language model (wink-nlp's, 3.9 MB, the largest chunk) are split off and load when used.
    chunkSizeWarningLimit: 4000,
  },
  worker: { rollupOptions: { treeshake: { moduleSideEffects: noWinkSideEffects } } },
  server: { proxy: { '/sync': { target: 'ws://127.0.0.1:8080', ws: true }, '/api': 'http://127.0.0.1:8080' } },
});
