import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The client lives in client/ and builds to dist/client, which the relay
// serves. `npm run dev` proxies the WebSocket endpoint to a relay on :8080.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true },
  server: { proxy: { '/sync': { target: 'ws://127.0.0.1:8080', ws: true } } },
});
