#!/usr/bin/env node
// Renders media/icon.svg to media/icon.png (256×256, transparent corners) with Debian's Chromium
// through the e2e kit's playwright-core. The PNG is committed; run this after editing the SVG.
//   node scripts/e2e/renderIcon.mjs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from './codeServer.mjs';
import { ensureInstalled } from './install.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const kit = ensureInstalled();
const { chromium } = createRequire(join(kit.playwrightCore, 'package.json'))('playwright-core');
const svg = readFileSync(join(ROOT, 'media/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.screenshot({ path: join(ROOT, 'media/icon.png'), omitBackground: true, clip: { x: 0, y: 0, width: 256, height: 256 } });
await browser.close();
console.log('media/icon.png written');
