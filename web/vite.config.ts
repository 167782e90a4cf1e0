import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Libraries every page needs stay in long-cached vendor chunks; each module page is its own
// lazy chunk (React.lazy in src/app/routes.tsx). Charting (echarts) is deliberately left out
// of the vendor groups so that it only loads with the pages that draw charts.
const reactLibraries = /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/;

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor-react', test: reactLibraries, priority: 20 },
            // antd is NOT forced into one chunk: the shell then carries only the components
            // the shell uses (layout, menu, forms), and table/upload/date components load with
            // the pages that use them. Forcing one antd chunk put the shell over its 400 kB budget.
          ],
        },
      },
    },
  },
});
