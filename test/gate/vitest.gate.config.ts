import { defineConfig } from "vitest/config";
import base from "../../vitest.config";

// The normal configuration (global setup, database, aliases) with only the planted tests.
export default defineConfig({
  ...base,
  test: { ...base.test, include: ["test/gate/*.gate.ts"] },
});
