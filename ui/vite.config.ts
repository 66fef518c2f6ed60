import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The .ftl files live in ../locales, shared with the Rust core.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true, fs: { allow: [".."] } },
  build: {
    target: "safari15",
    outDir: "dist",
    emptyOutDir: true,
    // No inline <script> or style: the CSP forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
