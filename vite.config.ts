// Builds the small client islands in src/web/islands into dist/assets (served at /assets/).
import { defineConfig } from "vite";

export default defineConfig({
  publicDir: false,
  build: {
    outDir: "dist/assets",
    emptyOutDir: true,
    target: "es2020",
    minify: true,
    rollupOptions: {
      input: {
        "states-filter": "src/web/islands/states-filter.ts",
        "search-suggest": "src/web/islands/search-suggest.ts",
      },
      output: { entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js" },
    },
  },
});
