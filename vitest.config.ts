import path from "node:path";
import { defineConfig } from "vitest/config";

// A non-UTC zone with a non-whole-hour offset: code that forgets time zones fails loudly.
process.env.TZ = "Asia/Kathmandu";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "db/testing/server-only.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data*/**"],
    environment: "node",
    pool: "forks",
    globalSetup: ["db/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: "Asia/Kathmandu", AUTH_SECRET: "test-secret-that-is-only-for-the-test-suite", PICKET_MASTER_KEY: "dGVzdC1tYXN0ZXIta2V5LW9ubHktZm9yLXRoZS10ZXM" },
  },
});
