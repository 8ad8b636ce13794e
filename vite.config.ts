/// <reference types="vitest/config" />
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { mantineCss } from './tools/mantine-css-plugin.ts';
import { prerender } from './tools/prerender-plugin.ts';

const mockServer = process.env.MOCK_SERVER_URL;

/** Production builds ship no mock code: drop the MSW worker that public/ would copy into dist/. */
function withoutMockWorker(): Plugin {
  let outDir = 'dist';
  return {
    name: 'nimbus:without-mock-worker',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      rmSync(join(outDir, 'mockServiceWorker.js'), { force: true });
    },
  };
}

export default defineConfig(({ command, mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  // Mock mode: the dev server (unless VITE_ENABLE_MOCKS=false) and demo builds (VITE_ENABLE_MOCKS=true).
  const mocks =
    command === 'serve' && mode !== 'production'
      ? env.VITE_ENABLE_MOCKS !== 'false'
      : env.VITE_ENABLE_MOCKS === 'true';
  return {
    plugins: [
      react(),
      // Per-component Mantine styles. Vitest's own renders have no CSS (test.css is false), but a
      // build started from a test (production-build.test.ts) is a real build and needs them.
      ...(process.env.VITEST && command !== 'build' ? [] : [mantineCss()]),
      ...(mocks ? [] : [withoutMockWorker(), prerender()]),
    ],
    define: { __MOCKS__: JSON.stringify(mocks) },
    // Pre-bundle what lazy chunks import, so a fresh dev server never reloads mid-flow.
    optimizeDeps: { include: ['qrcode.react', '@mantine/dates'] },
    resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
    server: { port: Number(process.env.PORT ?? 5173), strictPort: true },
    preview: {
      port: Number(process.env.PORT ?? 4173),
      strictPort: true,
      // Production builds talk to a real API; `MOCK_SERVER_URL` points preview at `npm run mock-server`.
      proxy: mockServer ? { '/api': { target: mockServer, changeOrigin: false } } : undefined,
    },
    build: {
      target: 'es2022',
      sourcemap: false,
      rolldownOptions: {
        output: {
          // React DOM in a chunk of its own: the browser compiles each module script in one task
          // on the main thread, and the entry with React DOM in it took 150-250 ms (4x CPU).
          codeSplitting: {
            groups: [{ name: 'react-dom', test: /node_modules[\\/](react-dom|scheduler)[\\/]/ }],
          },
        },
      },
    },
    test: {
      environment: 'jsdom',
      setupFiles: ['./tests/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
      testTimeout: 20000,
      css: false,
    },
  };
});
