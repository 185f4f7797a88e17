import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", ".data/**", ".data-*/**", "test-results/**", "playwright-report/**", "db/migrations/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Prettier (.prettierrc.json) wraps code at 160 characters; this catches what it leaves: long strings and comments.
      "max-len": ["error", { code: 160, tabWidth: 2 }],
    },
  },
  {
    // The one path for every change: app and components reach the database only through lib/.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/*", "**/db/*", "../db", "../../db"],
              message: "Reach the database through lib/<capability>, never from app/ or components/.",
            },
            { group: ["drizzle-orm", "drizzle-orm/*", "@electric-sql/pglite", "pg"], message: "Database drivers belong in db/ and lib/." },
          ],
        },
      ],
    },
  },
];

export default config;
