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
  // The foundation suite starts at the setup wizard, so it runs first on the fresh database;
  // feature suites run after it (and set the instance up themselves when run alone).
  projects: [
    { name: "foundation", testMatch: /foundation\.spec\.ts$/ },
    { name: "features", testIgnore: /foundation\.spec\.ts$/, dependencies: ["foundation"] },
  ],
  webServer: {
    // A fresh embedded database each run: the suite starts at the setup wizard.
    command: `node -e "require('fs').rmSync('.data-e2e',{recursive:true,force:true})" && DATA_DIR=.data-e2e PORT=${port} LOG_LEVEL=warn npm start`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
