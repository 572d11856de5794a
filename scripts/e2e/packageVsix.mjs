#!/usr/bin/env node
// `npm run package`: a minified build of dist/, then the .vsix users install, written to
// out/<name>-<version>.vsix with @vscode/vsce. The extension is bundled, so the package carries no
// node_modules (--no-dependencies); .vscodeignore decides what else goes in.
//   node scripts/e2e/packageVsix.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function mustRun(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Builds the minified bundle and the .vsix; returns its path, size and file list. */
export function packageVsix({ log = (s) => console.log(`[package] ${s}`) } = {}) {
  const started = Date.now();
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  mustRun(process.execPath, ['esbuild.mjs', '--minify'], 'the minified build (node esbuild.mjs --minify)');
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  const vsix = join(ROOT, 'out', `${name}-${version}.vsix`);
  const vsce = join(ROOT, 'node_modules/@vscode/vsce/vsce');
  // README links stay relative (--no-rewrite-relative-links), which resolve inside the installed
  // extension because docs/ ships in the package.
  const flags = ['--no-dependencies', '--no-rewrite-relative-links'];
  const output = mustRun(process.execPath, [vsce, 'package', ...flags, '--out', vsix], 'vsce package');
  const files = zipEntries(readFileSync(vsix));
  const packaged = new Set(files.map((f) => f.name));
  const missing = manifestFiles(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))).filter((f) => !packaged.has(`extension/${f}`));
  if (missing.length) throw new Error(`${relative(ROOT, vsix)} lacks files that package.json names: ${missing.join(', ')} (see .vscodeignore)`);
  const problems = openVsxProblems(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')), [...packaged]);
  if (problems.length) throw new Error(`${relative(ROOT, vsix)} is not ready for Open VSX:\n${problems.join('\n')}`);
  const bytes = statSync(vsix).size;
  log(`${relative(ROOT, vsix)}: ${(bytes / 1024).toFixed(1)} KiB, ${files.length} files, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const warning of output.split('\n').filter((l) => /WARNING/i.test(l))) log(warning.trim());
  return { vsix, bytes, files, name, version };
}

/** The files the manifest points at: main, browser, icon, and every "./..." path in contributes. */
export function manifestFiles(pkg) {
  const found = new Set([pkg.main, pkg.browser, pkg.icon].filter(Boolean));
  const walk = (value) => {
    if (typeof value === 'string') {
      if (value.startsWith('./')) found.add(value);
    } else if (value && typeof value === 'object') {
      for (const v of Object.values(value)) walk(v);
    }
  };
  walk(pkg.contributes);
  // "main": "./dist/client" means dist/client.js, as Node resolves it.
  return [...found].map((f) => f.replace(/^\.\//, '')).map((f) => (f === pkg.main?.replace(/^\.\//, '') && !/\.[cm]?js$/.test(f) ? `${f}.js` : f));
}

/**
 * What Open VSX (and its `ovsx publish`) would refuse or ask about in this package, given the names
 * of the files in the .vsix (`extension/...`): the identity fields (publisher, name, a semver version,
 * engines.vscode), a license (the field or a LICENSE file: ovsx asks otherwise), a repository (vsce
 * asks otherwise), a PNG icon in the package (vsce refuses SVG icons), and both entries: the Node
 * one (`main`) and the browser's (`browser`) with the Web Worker it starts (dist/web/server.js).
 * Publishing needs the network; this is what can be checked without it.
 */
export function openVsxProblems(pkg, packaged) {
  const has = new Set(packaged);
  const inPackage = (f) => typeof f === 'string' && has.has(`extension/${f.replace(/^\.\//, '')}`);
  const problems = [];
  for (const field of ['publisher', 'name', 'version', 'displayName', 'description']) {
    if (typeof pkg[field] !== 'string' || !pkg[field]) problems.push(`package.json has no "${field}"`);
  }
  if (typeof pkg.version === 'string' && !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(pkg.version)) problems.push(`version "${pkg.version}" is not semver`);
  if (typeof pkg.engines?.vscode !== 'string') problems.push('package.json has no "engines.vscode"');
  if (!pkg.license && !['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((f) => has.has(`extension/${f}`)))
    problems.push('no license: neither a "license" field nor a LICENSE file');
  if (!['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((f) => has.has(`extension/${f}`))) problems.push('the package carries no LICENSE file');
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (typeof repository !== 'string' || !/^https:\/\//.test(repository)) problems.push('package.json has no "repository" URL');
  if (typeof pkg.icon !== 'string' || !pkg.icon.endsWith('.png')) problems.push('package.json has no PNG "icon"');
  else if (!inPackage(pkg.icon)) problems.push(`the icon ${pkg.icon} is not in the package`);
  if (!inPackage(pkg.main)) problems.push(`the Node entry (main: ${pkg.main}) is not in the package`);
  if (!inPackage(pkg.browser)) problems.push(`the browser entry (browser: ${pkg.browser}) is not in the package`);
  if (!has.has('extension/dist/web/server.js')) problems.push("the browser entry's language server (dist/web/server.js) is not in the package");
  return problems;
}

/** Names and uncompressed sizes of the files in a zip (a .vsix), read from its central directory. */
export function zipEntries(zip) {
  let end = zip.length - 22; // the end-of-central-directory record, possibly followed by a comment
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), size: zip.readUInt32LE(at + 24) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries.sort((a, b) => a.name.localeCompare(b.name));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { files } = packageVsix();
  for (const f of files) console.log(`  ${String(f.size).padStart(8)}  ${f.name}`);
}
