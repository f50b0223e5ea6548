import fs from "node:fs";
import { defineConfig } from "@playwright/test";

const chromium = "/usr/bin/chromium";
const port = Number(process.env.E2E_PORT ?? 3210);
const hasChromium = fs.existsSync(chromium);
if (!hasChromium) {
  if (process.env.CI === "true") throw new Error(`CI requires Debian's chromium at ${chromium} (apt-get install chromium)`);
  console.warn(`\n!!! SKIPPING browser tests: ${chromium} not found. Install it with: apt-get install chromium\n`);
}

export default defineConfig({
  testDir: "tests/e2e",
  testIgnore: hasChromium ? [] : ["**/*"],
  fullyParallel: false,
  workers: 1,
  forbidOnly: process.env.CI === "true",
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  // One server and one database for the whole run: the foundation spec meets the fresh install
  // (setup wizard) first; feature specs (e.g. accounts) run after it, and set the app up
  // themselves only when run alone.
  projects: [
    { name: "foundation", testMatch: /foundation\.spec\.ts$/ },
    { name: "features", testIgnore: /foundation\.spec\.ts$/, dependencies: ["foundation"] },
  ],
  webServer: {
    // A fresh embedded database each run: the suite starts at the setup wizard. Private publisher
    // URLs are allowed because the accounts spec runs a fake xiaohongshu-mcp bridge on 127.0.0.1.
    command: `node -e "require('fs').rmSync('.data-e2e',{recursive:true,force:true})" && DATA_DIR=.data-e2e PORT=${port} LOG_LEVEL=warn ALLOW_PRIVATE_PUBLISHER_URLS=true npm start`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    // Only the start: `npm run test:e2e` builds before Playwright runs (scripts/build-if-needed.ts).
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
