/**
 * The mock HTTP server for the soak, with one addition: the soak asks it over IPC for its memory
 * (after a full garbage collection when Node runs with --expose-gc), so no endpoint is added.
 */
import '../../src/mocks/http-server';

process.on('message', (message) => {
  if (message !== 'memory') return;
  (globalThis as { gc?: () => void }).gc?.();
  process.send?.({ memory: process.memoryUsage() });
});
