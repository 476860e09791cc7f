import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const src = new URL('./src/', import.meta.url).pathname;

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [{ find: /^@\//, replacement: src }],
  },
  server: {
    proxy: {
      '/graphql': 'http://localhost:4000',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: 'hidden',
    rolldownOptions: {
      // @oms/schema is pure (no I/O, no globals): let its unused modules go, whatever its package.json says.
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]packages[\\/]schema[\\/]dist[\\/]/, sideEffects: false }],
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
    testTimeout: 30_000,
    restoreMocks: true,
  },
});
