/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { parseSyncOrigins } from './src/domain/sync/sync-url.ts';

/**
 * The servers partnership sync may reach besides the app's own origin: none unless a deployment
 * names them at build time, `ICS_SYNC_ORIGINS="https://couch.example.nhs.uk"` (docs/sync.md).
 */
const SYNC_ORIGINS = parseSyncOrigins(process.env.ICS_SYNC_ORIGINS);

/**
 * The Content-Security-Policy goes into the built index.html only: the dev server needs inline
 * scripts for hot reload, the production app needs none.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  ["connect-src 'self'", ...SYNC_ORIGINS].join(' '),
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'ics-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

const src = fileURLToPath(new URL('./src', import.meta.url));
// jsPDF's optional dependencies serve only doc.html() and canvas rendering, which the board paper
// never uses: an empty module keeps them (about 370 KiB) out of the build and the precache.
const emptyModule = fileURLToPath(new URL('./src/lib/empty-module.ts', import.meta.url));
const packageJson = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};

export default defineConfig(({ mode }) => ({
  resolve: {
    alias: { '@': src, html2canvas: emptyModule, canvg: emptyModule, dompurify: emptyModule },
  },
  define: {
    __APP_VERSION__: JSON.stringify(packageJson.version),
    // Distinguishes builds of the same version (the update e2e test builds a second one).
    __BUILD_ID__: JSON.stringify(mode === 'production' ? 'release' : mode),
    __SYNC_ORIGINS__: JSON.stringify(SYNC_ORIGINS),
  },
  build: {
    target: 'es2022',
    // Every browser the app supports (es2022) has native modulepreload: no polyfill in first load.
    // index.html preloads the first load's chunks. A lazy chunk's own imports are left to the
    // browser's module loader, which fetches them as soon as it reads the chunk: adding a
    // <link rel="modulepreload"> for each (two dozen for a screen and storage) cost the page a
    // long task just after its first paint. A lazy chunk's stylesheet is still linked before the
    // chunk runs, so no screen is ever drawn unstyled.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) =>
        hostType === 'html' ? deps : deps.filter((dep) => dep.endsWith('.css')),
    },
    sourcemap: false,
    rolldownOptions: {
      output: {
        // The runtime every screen needs, in long-lived chunks (better gzip, stable cache).
        // The service worker code is not in it: it is registered after the first render.
        codeSplitting: {
          groups: [
            {
              name: 'runtime',
              test: /node_modules[\\/](react|react-dom|scheduler|i18next|react-i18next|use-sync-external-store)[\\/]/,
            },
            // Storage's runtime loads after the first paint, with the storage code (main.tsx).
            {
              name: 'storage-runtime',
              test: /node_modules[\\/](dexie|dexie-react-hooks)[\\/]/,
            },
            // Partnership sync's client loads only when sync is switched on (src/sync/pouch.ts).
            {
              name: 'sync-client',
              test: /node_modules[\\/](pouchdb-browser|spark-md5|uuid|vuvuzela|events)[\\/]/,
            },
          ],
        },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  plugins: [
    react(),
    contentSecurityPolicy(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'ICS Maturity self-assessment',
        short_name: 'ICS Maturity',
        description:
          'Offline self-assessment of integrated care system maturity for NHS system leadership teams.',
        lang: 'en-GB',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#005eb8',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // The manifest and its icons are added by the plugin itself (includeManifestIcons).
        // ttf: the board paper's embedded PDF font, so PDF export works offline.
        globPatterns: ['**/*.{js,css,html,svg,ico,txt,ttf}'],
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
        // A tab still running the previous build keeps working after another tab applies an
        // update (docs/architecture.md, "PWA and updates"): while a new version installs,
        // public/sw-previous-build.js copies the current build's /assets/ files into their own
        // cache, and this route serves them from there once the precache holds only the new
        // build's. The functions are copied into sw.js as source: they must stand alone.
        importScripts: ['/sw-previous-build.js'],
        runtimeCaching: [
          {
            urlPattern: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: async ({ request }) =>
              (await caches.match(request, {
                cacheName: 'ics-previous-build',
                ignoreVary: true,
              })) ?? fetch(request),
          },
        ],
      },
    }),
  ],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          // svg2pdf's CommonJS build cannot find jsPDF under Node: bundle its ES module instead.
          server: { deps: { inline: ['svg2pdf.js'] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.{ts,tsx}'],
          setupFiles: ['./test/component/setup.ts'],
          testTimeout: 20_000,
        },
      },
    ],
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
  },
}));
