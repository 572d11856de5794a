// Debian's Chromium for the browser tests, driven by playwright-core (never a downloaded browser):
// where it is, the skip message where it is not, and one way to start it headless offline.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** False where Chromium is there; otherwise the reason a test skips, naming the package. */
export const chromiumSkip = existsSync(CHROMIUM) ? false : `Debian Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;

/** Headless, without the sandbox (tests run as root) and without background networking (the network is closed here). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run', ...extraArgs],
  });
}
