import { join } from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The production build (mocks off, the project's own vite.config.ts) and the three baselines
 * (React floor, Mantine page, data floor page),
 * built with the same Vite, plugin and target in the same run.
 */
export async function buildAll({ projectRoot, outRoot }) {
  const out = {
    app: join(outRoot, 'app'),
    react: join(outRoot, 'react'),
    mantine: join(outRoot, 'mantine'),
    floor: join(outRoot, 'floor'),
  };
  const started = performance.now();
  await build({
    root: projectRoot,
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: out.app, emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  });
  for (const name of ['react', 'mantine', 'floor']) {
    await build({
      configFile: false,
      root: join(projectRoot, 'tests/bench/baselines', name),
      mode: 'production',
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir: out[name], emptyOutDir: true, target: 'es2022' },
    });
  }
  return { ...out, seconds: (performance.now() - started) / 1000 };
}
