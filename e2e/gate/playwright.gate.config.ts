import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

// The normal browser set-up without the app server: the planted spec serves its own page.
export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: "*.gate.ts",
  webServer: undefined,
});
