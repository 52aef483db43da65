/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compiledValidators } from './src/build/compiled-validators.ts';
import { i18nCatalogs } from './src/build/i18n-catalogs.ts';

// The widget is the only browser code; the proxy serves dist/ in production and in `npm start`.
export default defineConfig({
  plugins: [react(), compiledValidators(), i18nCatalogs()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    // The embedded view must stay small: supervisor and simulator-panel code is split out by lazy
    // imports. The initial chunk is ~360 kB minified (react-dom ~190 kB of it); `npm run bench` tracks
    // it against a bare React build, so this only catches an accidental jump.
    chunkSizeWarningLimit: 420,
    // Every browser WWE and the agent desktops support (Chromium, Firefox 115+, Safari 17+) preloads
    // modules natively: the polyfill would only cost each agent bytes on the initial load.
    modulePreload: { polyfill: false },
    // The same browsers write CSS light-dark() themselves: no custom-property fallbacks for it.
    cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/{proxy,simulator,shared,build}/**/*.test.ts'],
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
