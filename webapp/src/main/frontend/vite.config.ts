import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The demo page is one Vite app rooted at demo/; `mvn package` builds it into
// webapp/target/frontend/demo, which the WAR serves at /demo/. Paths are relative (base "./") so the
// page works under any context path (ROOT.war in the bootable JAR, /marquee in the tests).
const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: `${here}demo`,
  base: "./",
  plugins: [react()],
  build: {
    outDir: `${here}../../../target/frontend/demo`,
    emptyOutDir: true,
    assetsDir: "static",
    sourcemap: false,
    target: "es2022",
  },
  server: {
    // `npm run dev` serves the page with hot reload and forwards API and asset calls to a Marquee
    // running locally (same origin for the browser, so no CORS set-up is needed).
    port: 5173,
    fs: { allow: [here] },
    proxy: {
      "/api": "http://localhost:8080",
      "/assets": "http://localhost:8080",
      "/demo/config.json": "http://localhost:8080",
    },
  },
  test: {
    root: here,
    include: ["demo/src/**/*.test.ts", "shared/**/*.test.js", "simulator/**/*.test.js"],
    environment: "node",
  },
});
