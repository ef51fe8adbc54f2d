import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

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
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/health/, /^\/sync\//, /^\/api\//],
      },
    }),
  ],
  build: { outDir: '../dist/client', emptyOutDir: true },
  server: { proxy: { '/sync': { target: 'ws://127.0.0.1:8080', ws: true }, '/api': 'http://127.0.0.1:8080' } },
});
