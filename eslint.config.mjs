import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";
import drizzle from "eslint-plugin-drizzle";

// Imports flow one way: app → lib → db. Components render; they never reach the database.
const layer = (from, forbidden, message) => ({
  files: [`${from}/**/*.{ts,tsx}`],
  rules: {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      {
        patterns: forbidden.map((group) => ({
          group: [`@/${group}`, `@/${group}/*`, `**/${group}/*`],
          message,
          allowTypeImports: true,
        })),
      },
    ],
  },
});

const config = [
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "db/migrations/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  prettier,
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without a where clause would touch every team's rows.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  layer(
    "db",
    ["lib", "app", "components"],
    "db/ is the bottom layer: it imports nothing from lib/, app/ or components/.",
  ),
  layer(
    "lib",
    ["app", "components"],
    "lib/ must not import from app/ or components/ (imports flow app → lib → db).",
  ),
  layer(
    "app",
    ["db"],
    "app/ reaches the database only through lib/ (imports flow app → lib → db).",
  ),
  layer("components", ["db", "app"], "components/ render; data comes from lib/ through app/."),
];

export default config;
