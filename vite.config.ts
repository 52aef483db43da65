/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { jsonSchemaSnapshot } from './src/build/json-schema-snapshot';

// The widget is the only browser code; the proxy serves dist/ in production and in `npm start`.
export default defineConfig({
  plugins: [react(), jsonSchemaSnapshot()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    // The embedded view must stay small: supervisor and simulator-panel code is split out by lazy imports.
    chunkSizeWarningLimit: 250,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/{proxy,simulator,shared}/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'widget',
          include: ['src/widget/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
