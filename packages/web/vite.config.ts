import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    // The workspace holds two Mantine versions (this package's and the root's, pulled in by
    // @mantine/dates); one copy keeps a single theme context across the app.
    dedupe: ['react', 'react-dom', '@mantine/core', '@mantine/hooks'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app, so a release re-downloads only the app's chunk.
        // Pages load on demand (router.tsx), so the mantine and vendor groups take only what the
        // first screen statically needs ($initial): whatever only pages use stays off the sign-in
        // route, the rest of Mantine in mantine-pages and other libraries with their pages.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format)/,
              tags: ['$initial'],
            },
            // One request and one cache entry for the Mantine components pages share, instead of
            // a dozen tiny per-component chunks on every page's way in.
            {
              name: 'mantine-pages',
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format)/,
            },
            { name: 'vendor', test: /node_modules/, tags: ['$initial'] },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
