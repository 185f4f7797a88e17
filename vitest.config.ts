import { availableParallelism } from "node:os";
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
    // Vitest's default is one worker fewer than the cores: on two cores, one file at a time, and the suite took
    // 287 s; two at a time, 205 s (three: 219 s).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ["db/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: "Asia/Kathmandu", AUTH_SECRET: "test-secret-that-is-only-for-the-test-suite", PICKET_MASTER_KEY: "dGVzdC1tYXN0ZXIta2V5LW9ubHktZm9yLXRoZS10ZXM" },
  },
});
