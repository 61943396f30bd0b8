import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";
import drizzle from "eslint-plugin-drizzle";
import { libFolderCycles } from "./eslint-rules/lib-folder-cycles.mjs";

// The pipeline's stages (lib/pipeline/<stage>/) are used through their entry points only
// (lib/pipeline/README.md): what is inside a stage can change without its users noticing.
const STAGE_INTERNALS = {
  group: ["@/lib/pipeline/*/*", "**/lib/pipeline/*/*"],
  message:
    "Import a pipeline stage through its entry point (@/lib/pipeline/<stage>), not its files.",
};
// Inside the pipeline a stage reaches another through the same entry point, never by a
// relative path into it.
const NEIGHBOUR_STAGE = {
  group: ["../*"],
  message:
    "Reach another stage through @/lib/pipeline/<stage>; a stage imports its own files as ./",
};

// Imports flow one way: app → lib → db. Components render; they never reach the database.
const layer = (from, forbidden, message, extra = [STAGE_INTERNALS]) => ({
  files: [`${from}/**/*.{ts,tsx}`],
  rules: {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      {
        patterns: [
          ...forbidden.map((group) => ({
            group: [`@/${group}`, `@/${group}/*`, `**/${group}/*`],
            message,
            allowTypeImports: true,
          })),
          ...extra,
        ],
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
    plugins: { drizzle, hookyard: { rules: { "lib-folder-cycles": libFolderCycles } } },
    rules: {
      "hookyard/lib-folder-cycles": "error",
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
    "lib/pipeline",
    ["app", "components"],
    "lib/ must not import from app/ or components/ (imports flow app → lib → db).",
    [STAGE_INTERNALS, NEIGHBOUR_STAGE],
  ),
  layer("{scripts,bench,test,e2e}", [], ""),
  layer(
    "app",
    ["db"],
    "app/ reaches the database only through lib/ (imports flow app → lib → db).",
  ),
  layer("components", ["db", "app"], "components/ render; data comes from lib/ through app/."),
];

export default config;
