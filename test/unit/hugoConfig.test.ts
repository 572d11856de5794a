// loadHugoConfig over an in-memory site: which files are read and in what order, how they merge,
// what each setting's value and source are, and the problems it reports, at exact ranges. What Hugo
// 0.111 does with each of these is checked with builds in test/hugo/siteConfig.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryHost } from '../../server/src/core/host';
import { describeSetting, type HugoConfig, HugoConfigs, isHugoConfigPath, loadHugoConfig } from '../../server/src/core/hugoConfig';

const ROOT = '/site';

function load(files: Record<string, string>, environment?: string): HugoConfig {
  const host = new MemoryHost(Object.fromEntries(Object.entries(files).map(([p, t]) => [`${ROOT}/${p}`, t])));
  return loadHugoConfig(host, ROOT, environment);
}

/** Every setting as `key value (file)`, the file relative to the site ('-' for a default). */
function settings(c: HugoConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, s] of Object.entries(c.settings)) {
    if (Array.isArray(s)) out[name] = s.join(',');
    else {
      const value = typeof s.value === 'object' ? JSON.stringify(s.value) : String(s.value);
      out[name] = `${value} (${s.file ? s.file.slice(ROOT.length + 1) : '-'})`;
    }
  }
  return out;
}

/** Problems as `file:line:col-line:col severity message` (1-based). */
function problems(c: HugoConfig): string[] {
  return c.diagnostics.map((d) => {
    const r = d.range;
    return `${d.file.slice(ROOT.length + 1)}:${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${d.severity} ${d.code} ${d.message}`;
  });
}

const files = (c: HugoConfig) => c.files.map((f) => f.slice(ROOT.length + 1));

describe('loadHugoConfig: which files, in which order', () => {
  it("without any configuration: the handbook's settings, nothing read", () => {
    const c = load({ 'content/a.md': '', 'assets/x.md': '' });
    assert.equal(c.found, false);
    assert.deepEqual(c.files, []);
    assert.equal(c.environment, 'production');
    assert.deepEqual(settings(c), {
      enableEmoji: 'true (-)',
      autoHeadingID: 'true (-)',
      autoHeadingIDType: 'github (-)',
      attributeTitle: 'true (-)',
      attributeBlock: 'true (-)',
      unsafe: 'true (-)',
      assetDirs: '["/site/assets"] (-)',
      contentRoots: '[{"dir":"/site/content","prefix":""}] (-)',
      uglyURLs: 'false (-)',
      permalinks: '{} (-)',
      defaultContentLanguage: 'en (-)',
      defaultContentLanguageInSubdir: 'false (-)',
      languages: '',
    });
    assert.deepEqual(problems(c), []);
  });

  it("an empty hugo.toml: Hugo's defaults (emoji off, raw HTML dropped, no block attributes)", () => {
    const c = load({ 'hugo.toml': '' });
    assert.equal(c.found, true);
    assert.deepEqual(files(c), ['hugo.toml']);
    const s = settings(c);
    assert.deepEqual(
      [s.enableEmoji, s.attributeBlock, s.unsafe, s.attributeTitle, s.autoHeadingID],
      ['false (-)', 'false (-)', 'false (-)', 'true (-)', 'true (-)'],
    );
  });

  it("an empty config/ folder is a configuration too (Hugo reads it): Hugo's defaults", () => {
    const c = load({ 'config/_default/.keep': '' });
    assert.equal(c.found, true);
    assert.deepEqual(c.files, []);
    assert.equal(settings(c).enableEmoji, 'false (-)');
  });

  it('only the first root file is read: hugo.toml, hugo.yaml, hugo.yml, hugo.json, config.toml, config.yaml, config.yml, config.json', () => {
    const all = {
      'hugo.toml': 'enableEmoji = true\n',
      'hugo.yaml': 'uglyURLs: true\n',
      'hugo.yml': 'uglyURLs: true\n',
      'hugo.json': '{"uglyURLs": true}',
      'config.toml': 'uglyURLs = true\n',
      'config.yaml': 'uglyURLs: true\n',
      'config.yml': 'uglyURLs: true\n',
      'config.json': '{"uglyURLs": true}',
    };
    const names = Object.keys(all);
    for (let i = 0; i < names.length; i++) {
      const present = Object.fromEntries(names.slice(i).map((n) => [n, all[n as keyof typeof all]]));
      assert.deepEqual(files(load(present)), [names[i]], `with ${names.slice(i).join(', ')}`);
    }
    assert.deepEqual(settings(load(all)).uglyURLs, 'false (-)');
  });

  it('then config/_default/ in name order, then config/<environment>/; other folders and files are not read', () => {
    const layout = {
      'hugo.toml': '',
      'config/_default/params.yaml': '',
      'config/_default/markup.toml': '',
      'config/_default/hugo.toml': '',
      'config/_default/languages.json': '{}',
      'config/_default/notes.txt': 'x',
      'config/_default/.hidden.toml': '',
      'config/_default/sub/markup.toml': '',
      'config/production/hugo.toml': '',
      'config/staging/hugo.toml': '',
    };
    assert.deepEqual(files(load(layout)), [
      'hugo.toml',
      'config/_default/hugo.toml',
      'config/_default/languages.json',
      'config/_default/markup.toml',
      'config/_default/params.yaml',
      'config/production/hugo.toml',
    ]);
    assert.deepEqual(files(load(layout, 'staging')), [
      'hugo.toml',
      'config/_default/hugo.toml',
      'config/_default/languages.json',
      'config/_default/markup.toml',
      'config/_default/params.yaml',
      'config/staging/hugo.toml',
    ]);
    assert.equal(load(layout, 'staging').environment, 'staging');
  });

  it('later files win: the root file, then config/_default/, then the environment; each setting says which file set it', () => {
    const c = load({
      'hugo.toml': 'enableEmoji = true\nuglyURLs = true\n[markup.goldmark.parser]\nautoHeadingIDType = "blackfriday"\n',
      'config/_default/hugo.toml': 'enableEmoji = false\n',
      'config/_default/markup.toml': '[goldmark.renderer]\nunsafe = true\n',
      'config/production/markup.yaml': 'goldmark:\n  parser:\n    autoHeadingIDType: github-ascii\n',
    });
    const s = settings(c);
    assert.equal(s.enableEmoji, 'false (config/_default/hugo.toml)');
    assert.equal(s.uglyURLs, 'true (hugo.toml)');
    // Maps merge key by key: the parser key of the root file and the renderer key of markup.toml both hold.
    assert.equal(s.unsafe, 'true (config/_default/markup.toml)');
    assert.equal(s.autoHeadingIDType, 'github-ascii (config/production/markup.yaml)');
    assert.equal(s.autoHeadingID, 'true (-)');
  });

  it('a value that is not a map replaces the whole value, lists included (module.mounts)', () => {
    const c = load({
      'hugo.toml': '[[module.mounts]]\nsource = "docs"\ntarget = "content"\n[[module.mounts]]\nsource = "more"\ntarget = "content"\n',
      'config/_default/module.toml': '[[mounts]]\nsource = "pages"\ntarget = "content"\n',
    });
    assert.equal(settings(c).contentRoots, '[{"dir":"/site/pages","prefix":""}] (config/_default/module.toml)');
  });

  it('keys are case-insensitive: EnableEmoji, [Markup.Goldmark.Parser], a file named Markup.TOML', () => {
    const c = load({
      'hugo.toml': 'EnableEmoji = true\n[Markup.Goldmark.Parser]\nAutoHeadingID = false\n',
      'config/_default/Markup.TOML': '[GoldMark.Renderer]\nUnsafe = true\n',
    });
    const s = settings(c);
    assert.deepEqual([s.enableEmoji, s.autoHeadingID, s.unsafe], ['true (hugo.toml)', 'false (hugo.toml)', 'true (config/_default/Markup.TOML)']);
  });

  it('a per-key file holds that key: params.yaml is params (its enableEmoji is no switch), markup.toml is markup', () => {
    const c = load({
      'hugo.toml': '',
      'config/_default/params.yaml': 'enableEmoji: true\nuglyURLs: true\n',
      'config/_default/permalinks.toml': 'posts = "/:year/:title/"\n',
    });
    const s = settings(c);
    assert.equal(s.enableEmoji, 'false (-)');
    assert.equal(s.uglyURLs, 'false (-)');
    assert.equal(s.permalinks, '{"posts":"/:year/:title/"} (config/_default/permalinks.toml)');
  });

  it('a per-key file with a language goes under languages.<lang>: languages.fr.toml, params.fr.toml (as params), menus.en.toml', () => {
    const c = load({
      'hugo.toml': 'defaultContentLanguage = "en"\n',
      'config/_default/languages.fr.toml': 'contentDir = "content/fr"\n',
      'config/_default/params.de.toml': 'contentDir = "not-a-language-setting"\n',
      'config/_default/menus.en.toml': '[[main]]\nname = "x"\n',
    });
    // In the order the files are read (Hugo sorts them by weight, then name; the order changes no check).
    assert.deepEqual(c.settings.languages, ['fr', 'en', 'de']);
    assert.deepEqual(c.settings.contentRoots.value, [
      { dir: '/site/content/fr', lang: 'fr', prefix: '' },
      { dir: '/site/content', prefix: '' },
    ]);
    assert.deepEqual(problems(c), []);
  });

  it('config/_default/config.toml and hugo.toml are root files there (no key)', () => {
    assert.equal(settings(load({ 'config/_default/config.toml': 'enableEmoji = true\n' })).enableEmoji, 'true (config/_default/config.toml)');
    assert.equal(settings(load({ 'config/_default/hugo.yaml': 'enableEmoji: true\n' })).enableEmoji, 'true (config/_default/hugo.yaml)');
  });
});

describe('loadHugoConfig: values as Hugo 0.111 reads them', () => {
  it('top-level switches (cast.ToBool): true/false, ParseBool strings, YAML integers; TOML and JSON numbers are false, with a warning', () => {
    const emoji = (file: string, text: string) => settings(load({ [file]: text })).enableEmoji;
    assert.equal(emoji('hugo.toml', 'enableEmoji = "True"\n'), 'true (hugo.toml)');
    assert.equal(emoji('hugo.toml', 'enableEmoji = "t"\n'), 'true (hugo.toml)');
    assert.equal(emoji('hugo.toml', 'enableEmoji = "0"\n'), 'false (hugo.toml)');
    assert.equal(emoji('hugo.yaml', 'enableEmoji: yes\n'), 'true (hugo.yaml)');
    assert.equal(emoji('hugo.yaml', 'enableEmoji: 1\n'), 'true (hugo.yaml)');
    assert.equal(emoji('hugo.yaml', 'enableEmoji: 0x10\n'), 'true (hugo.yaml)');
    assert.equal(emoji('hugo.yaml', 'enableEmoji: 0\n'), 'false (hugo.yaml)');
    assert.equal(emoji('hugo.yaml', 'enableEmoji: 1.0\n'), 'false (hugo.yaml)');
    assert.equal(emoji('hugo.toml', 'enableEmoji = 1\n'), 'false (hugo.toml)');
    assert.equal(emoji('hugo.json', '{"enableEmoji": 1}'), 'false (hugo.json)');
    assert.deepEqual(problems(load({ 'hugo.yaml': 'enableEmoji: 1.0\n' })), [
      'hugo.yaml:1:14-1:17 warning hugo-config enableEmoji must be true or false; Hugo reads 1 as false, and so do these checks.',
    ]);
    assert.deepEqual(problems(load({ 'hugo.yaml': 'enableEmoji: 1\n' })), []);
  });

  it('a wrong-typed switch is a warning at the value: TOML, YAML, JSON; Hugo reads it as false', () => {
    assert.deepEqual(problems(load({ 'hugo.toml': 'title = "x"\nenableEmoji = "maybe"\n' })), [
      'hugo.toml:2:15-2:22 warning hugo-config enableEmoji must be true or false; Hugo reads "maybe" as false, and so do these checks.',
    ]);
    assert.deepEqual(problems(load({ 'hugo.yaml': 'title: x\nenableEmoji: maybe\n' })), [
      'hugo.yaml:2:14-2:19 warning hugo-config enableEmoji must be true or false; Hugo reads "maybe" as false, and so do these checks.',
    ]);
    assert.deepEqual(problems(load({ 'hugo.json': '{\n  "title": "x",\n  "enableEmoji": ["maybe"]\n}\n' })), [
      'hugo.json:3:18-3:27 warning hugo-config enableEmoji must be true or false; Hugo reads ["maybe"] as false, and so do these checks.',
    ]);
    // In a [table], a per-key file and an environment folder, the range is still the value's.
    assert.deepEqual(problems(load({ 'config/production/hugo.toml': '\n\nuglyURLs = "sometimes" # comment\n' })), [
      'config/production/hugo.toml:3:12-3:23 warning hugo-config uglyURLs must be true or false; Hugo reads "sometimes" as false, and so do these checks.',
    ]);
    assert.equal(settings(load({ 'hugo.toml': 'enableEmoji = "maybe"\n' })).enableEmoji, 'false (hugo.toml)');
  });

  it('markup options (mapstructure): any number, "" and ParseBool strings; anything else stops Hugo: an error, and the default is used', () => {
    assert.equal(settings(load({ 'hugo.toml': '[markup.goldmark.renderer]\nunsafe = 1\n' })).unsafe, 'true (hugo.toml)');
    assert.equal(settings(load({ 'hugo.json': '{"markup": {"goldmark": {"renderer": {"unsafe": 0.5}}}}' })).unsafe, 'true (hugo.json)');
    assert.equal(settings(load({ 'hugo.toml': '[markup.goldmark.parser]\nautoHeadingID = ""\n' })).autoHeadingID, 'false (hugo.toml)');
    const c = load({ 'hugo.toml': '[markup.goldmark.renderer]\nunsafe = "maybe"\n[markup.goldmark.parser.attribute]\nblock = [true]\n' });
    assert.deepEqual(problems(c), [
      'hugo.toml:4:9-4:15 error hugo-config markup.goldmark.parser.attribute.block must be true or false; Hugo cannot read [true] and stops ("error(s) decoding"). Until it is fixed, these checks use Hugo\'s default, false.',
      'hugo.toml:2:10-2:17 error hugo-config markup.goldmark.renderer.unsafe must be true or false; Hugo cannot read "maybe" and stops ("error(s) decoding"). Until it is fixed, these checks use Hugo\'s default, false.',
    ]);
    assert.deepEqual([settings(c).unsafe, settings(c).attributeBlock], ['false (-)', 'false (-)']);
  });

  it('autoHeadingIDType is compared as written: another value (other letter case too) is a warning, and github ids', () => {
    const c = load({ 'hugo.toml': '[markup.goldmark.parser]\nautoHeadingIDType = "GitHub-ASCII"\n' });
    assert.equal(settings(c).autoHeadingIDType, 'github (hugo.toml)');
    assert.deepEqual(problems(c), [
      'hugo.toml:2:21-2:35 warning hugo-config Unknown autoHeadingIDType "GitHub-ASCII": Hugo knows github, github-ascii and blackfriday (in lower case), and makes github ids for any other value.',
    ]);
    assert.equal(
      settings(load({ 'hugo.yaml': 'markup:\n  goldmark:\n    parser:\n      autoHeadingIDType: blackfriday\n' })).autoHeadingIDType,
      'blackfriday (hugo.yaml)',
    );
    assert.deepEqual(problems(load({ 'hugo.toml': '[markup.goldmark.parser]\nautoHeadingIDType = 3\n' })), [
      'hugo.toml:2:21-2:22 warning hugo-config markup.goldmark.parser.autoHeadingIDType must be a string; Hugo\'s default "github" is used.',
    ]);
  });

  it('permalinks and module.mounts of the wrong shape are warnings and not used', () => {
    const c = load({ 'hugo.toml': 'permalinks = "/:title/"\n[module]\nmounts = "docs"\n' });
    assert.deepEqual(problems(c), [
      'hugo.toml:3:10-3:16 warning hugo-config module.mounts must be a list of mounts (source, target); it is not used.',
      'hugo.toml:1:14-1:24 warning hugo-config permalinks must be a map of section to pattern; it is not used.',
    ]);
    assert.equal(settings(c).permalinks, '{} (hugo.toml)');
    assert.equal(settings(c).contentRoots, '[{"dir":"/site/content","prefix":""}] (-)');
  });

  it('defaultContentLanguage is kept as written; one that names no language (lower-cased) stops Hugo: an error', () => {
    const c = load({ 'hugo.toml': 'defaultContentLanguage = "FR"\n[languages.fr]\n[languages.EN]\n' });
    assert.equal(settings(c).defaultContentLanguage, 'FR (hugo.toml)');
    assert.deepEqual(c.settings.languages, ['fr', 'en']);
    assert.deepEqual(problems(c), []);
    assert.deepEqual(problems(load({ 'hugo.toml': 'defaultContentLanguage = "de"\n[languages.fr]\n[languages.en]\n' })), [
      'hugo.toml:1:26-1:30 error hugo-config defaultContentLanguage "de" is none of the site\'s languages (fr, en): Hugo stops with "does not match any language definition".',
    ]);
    assert.deepEqual(problems(load({ 'hugo.toml': 'defaultContentLanguage = "FR"\n' })), [
      'hugo.toml:1:26-1:30 error hugo-config defaultContentLanguage "FR" must be in lower case on a site without languages: Hugo stops with "does not match any language definition".',
    ]);
    // params.fr.toml makes fr a language, and Hugo's default "en" is none then.
    assert.deepEqual(problems(load({ 'hugo.toml': '', 'config/_default/params.fr.toml': 'x = 1\n' })), [
      'config/_default/params.fr.toml:1:1-1:1 error hugo-config The site\'s languages (fr) do not include "en", Hugo\'s defaultContentLanguage: Hugo stops with "does not match any language definition". Set defaultContentLanguage, or add en.',
    ]);
  });

  it('disableLanguages leaves a language out', () => {
    const c = load({ 'hugo.toml': 'disableLanguages = ["DE"]\n[languages.en]\n[languages.de]\ncontentDir = "content/de"\n' });
    assert.deepEqual(c.settings.languages, ['en']);
    assert.deepEqual(c.settings.contentRoots.value, [{ dir: '/site/content', prefix: '' }]);
  });
});

describe('loadHugoConfig: folders', () => {
  it('contentDir and assetDir', () => {
    const c = load({ 'hugo.toml': 'contentDir = "pages"\nassetDir = "./src/assets/"\n' });
    assert.equal(settings(c).contentRoots, '[{"dir":"/site/pages","prefix":""}] (hugo.toml)');
    assert.equal(settings(c).assetDirs, '["/site/src/assets"] (hugo.toml)');
  });

  it('module.mounts: content and asset mounts replace the folders; asset mounts are looked up last mount first', () => {
    const mount = (source: string, target: string, lang?: string) =>
      `[[module.mounts]]\nsource = "${source}"\ntarget = "${target}"\n${lang ? `lang = "${lang}"\n` : ''}`;
    const c = load({
      'hugo.toml': `contentDir = "ignored"\n${mount('docs', 'content')}${mount('extra', 'content/more')}${mount('shared', 'assets')}${mount('assets', 'assets')}${mount('fr', 'content', 'FR')}${mount('static', 'static')}`,
    });
    assert.deepEqual(c.settings.contentRoots.value, [
      { dir: '/site/docs', lang: undefined, prefix: '' },
      { dir: '/site/extra', lang: undefined, prefix: 'more' },
      { dir: '/site/fr', lang: 'fr', prefix: '' },
    ]);
    assert.deepEqual(c.settings.assetDirs.value, ['/site/assets', '/site/shared']);
    assert.equal(c.settings.assetDirs.file, '/site/hugo.toml');
    // Only content mounts: assets/ stays.
    assert.deepEqual(load({ 'hugo.toml': mount('docs', 'content') }).settings.assetDirs.value, ['/site/assets']);
  });

  it('per-language contentDir; contentDir holds the languages without their own', () => {
    const c = load({ 'hugo.toml': '[languages.en]\nweight = 1\n[languages.fr]\ncontentDir = "content-fr"\n' });
    assert.deepEqual(c.settings.contentRoots.value, [
      { dir: '/site/content-fr', lang: 'fr', prefix: '' },
      { dir: '/site/content', prefix: '' },
    ]);
    const both = load({ 'hugo.toml': '[languages.en]\ncontentDir = "content/en"\n[languages.fr]\ncontentDir = "content/fr"\n' });
    assert.deepEqual(both.settings.contentRoots.value, [
      { dir: '/site/content/en', lang: 'en', prefix: '' },
      { dir: '/site/content/fr', lang: 'fr', prefix: '' },
    ]);
    assert.equal(both.settings.contentRoots.key, 'languages.<lang>.contentDir');
  });
});

describe('loadHugoConfig: files that do not parse', () => {
  const SUFFIX = 'Hugo stops with "failed to load config"; until it is fixed, this file\'s settings are not used.';

  it('TOML: an error where the parser stopped; the other files still count', () => {
    const c = load({
      'hugo.toml': 'enableEmoji = true\n[markup\nunsafe = true\n',
      'config/_default/params.toml': 'x = 1\n',
      'config/_default/hugo.toml': 'uglyURLs = true\n',
    });
    // At the end of the line, where the key's closing "]" is missing.
    assert.deepEqual(problems(c), [`hugo.toml:2:8-2:8 error hugo-config Invalid TOML: illegal character in key. ${SUFFIX}`]);
    assert.equal(settings(c).enableEmoji, 'false (-)');
    assert.equal(settings(c).uglyURLs, 'true (config/_default/hugo.toml)');
  });

  it('YAML: an error at the offending text', () => {
    const c = load({ 'hugo.yaml': 'enableEmoji: true\nmarkup: [unclosed\n' });
    // The flow sequence never ends: at the end of the file.
    assert.deepEqual(problems(c), [
      `hugo.yaml:3:1-3:1 error hugo-config Invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]. ${SUFFIX}`,
    ]);
    assert.equal(settings(c).enableEmoji, 'false (-)');
  });

  it('JSON: an error at the token, trailing commas and comments not allowed', () => {
    assert.deepEqual(problems(load({ 'hugo.json': '{\n  "enableEmoji": true,\n}\n' })), [
      `hugo.json:3:1-3:2 error hugo-config Invalid JSON: PropertyNameExpected. ${SUFFIX}`,
    ]);
    assert.deepEqual(problems(load({ 'hugo.json': '// x\n{}' })), [`hugo.json:1:1-1:5 error hugo-config Invalid JSON: InvalidCommentToken. ${SUFFIX}`]);
  });

  it('a file that is not a map of settings', () => {
    assert.deepEqual(problems(load({ 'hugo.yaml': '- a\n- b\n' })), [`hugo.yaml:1:1-1:4 error hugo-config This is not a map of settings. ${SUFFIX}`]);
    assert.deepEqual(problems(load({ 'hugo.json': '[1]' })), [`hugo.json:1:1-1:4 error hugo-config This is not a map of settings. ${SUFFIX}`]);
    // An empty YAML file is an empty map.
    assert.deepEqual(problems(load({ 'hugo.yaml': '' })), []);
  });

  it('a file with a BOM: ranges count it', () => {
    assert.deepEqual(problems(load({ 'hugo.toml': '\uFEFFenableEmoji = "maybe"\n' })), [
      'hugo.toml:1:16-1:23 warning hugo-config enableEmoji must be true or false; Hugo reads "maybe" as false, and so do these checks.',
    ]);
  });
});

describe('describeSetting, isHugoConfigPath, HugoConfigs', () => {
  it('describeSetting: the last part of the key, the value and where it is set', () => {
    const c = load({ 'config/_default/markup.toml': '[goldmark.parser]\nautoHeadingIDType = "github-ascii"\n' });
    assert.equal(describeSetting(c.settings.autoHeadingIDType, ROOT), 'autoHeadingIDType github-ascii (config/_default/markup.toml)');
    assert.equal(describeSetting(c.settings.enableEmoji, ROOT), "enableEmoji false (Hugo's default)");
    assert.equal(describeSetting(c.settings.assetDirs, ROOT), "assetDir /site/assets (Hugo's default)");
    const none = load({});
    assert.equal(describeSetting(none.settings.enableEmoji, ROOT, none.found), "enableEmoji true (no Hugo configuration: the handbook's setting)");
  });

  it('isHugoConfigPath: the root files and files directly in config/<dir>/', () => {
    assert.equal(isHugoConfigPath(ROOT, '/site/hugo.toml'), true);
    assert.equal(isHugoConfigPath(ROOT, '/site/config.json'), true);
    assert.equal(isHugoConfigPath(ROOT, '/site/params.toml'), false);
    assert.equal(isHugoConfigPath(ROOT, '/site/config/_default/params.fr.toml'), true);
    assert.equal(isHugoConfigPath(ROOT, '/site/config/staging/markup.yml'), true);
    assert.equal(isHugoConfigPath(ROOT, '/site/config/_default/sub/markup.toml'), false);
    assert.equal(isHugoConfigPath(ROOT, '/site/config/_default/notes.txt'), false);
    assert.equal(isHugoConfigPath(ROOT, '/site/content/hugo.toml'), false);
  });

  it('HugoConfigs: one read per site and environment, until a file of it is forgotten', () => {
    const host = new MemoryHost({ '/site/hugo.toml': 'enableEmoji = true\n' });
    const configs = new HugoConfigs(host);
    const first = configs.forSite(ROOT, 'production');
    assert.equal(configs.forSite(ROOT, 'production'), first);
    assert.notEqual(configs.forSite(ROOT, 'staging'), first);
    host.set('/site/hugo.toml', 'enableEmoji = false\n');
    assert.equal(configs.forSite(ROOT, 'production').settings.enableEmoji.value, true);
    configs.forget('/site/config/_default/markup.toml');
    assert.equal(configs.forSite(ROOT, 'production').settings.enableEmoji.value, false);
    assert.equal(configs.isConfigPath('/elsewhere/config/production/hugo.yaml'), true);
    assert.equal(configs.isConfigPath('/site/content/a.md'), false);
  });
});
