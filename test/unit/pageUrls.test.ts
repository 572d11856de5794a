// PageUrls: the URL Hugo 0.111 publishes a content file at, for each setting that changes it. Every
// value here is one a Hugo build gave (test/hugo/siteConfig.test.ts builds these cases).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PageUrls, plainScheme, type UrlScheme, urlize } from '../../server/src/core/pageUrls';
import { pageUrl } from '../../server/src/core/siteIndex';

const C = '/site/content';

function urls(scheme: Partial<UrlScheme> = {}, sections: string[] = []): PageUrls {
  return new PageUrls({ ...plainScheme(C), ...scheme }, (dir) => sections.includes(dir));
}

describe('PageUrls: plain Hugo', () => {
  const u = urls();
  it('pages, sections, bundles, the home page', () => {
    assert.equal(u.of(`${C}/_index.md`), '/');
    assert.equal(u.of(`${C}/index.md`), '/');
    assert.equal(u.of(`${C}/top.md`), '/top/');
    assert.equal(u.of(`${C}/a/_index.md`), '/a/');
    assert.equal(u.of(`${C}/a/b.md`), '/a/b/');
    assert.equal(u.of(`${C}/a/b.markdown`), '/a/b/');
    assert.equal(u.of(`${C}/a/bundle/index.md`), '/a/bundle/');
    assert.equal(u.of(`${C}/a/sub/_index.md`), '/a/sub/');
  });

  it('slug replaces the last part, url the whole path (as written; siteIndex normalises)', () => {
    assert.equal(u.of(`${C}/a/sub/d.md`, { slug: 'dee' }), '/a/sub/dee/');
    assert.equal(u.of(`${C}/a/sub/d.md`, { slug: '  ' }), '/a/sub/d/');
    assert.equal(u.of(`${C}/u.md`, { url: '/custom/place/' }), '/custom/place/');
    assert.equal(u.of(`${C}/u.md`, { url: '/custom/place' }), '/custom/place');
    assert.equal(pageUrl(u, `${C}/u.md`, { url: '/custom/place' }), '/custom/place/');
    assert.equal(pageUrl(u, `${C}/Mixed Case.md`), '/mixed-case/');
  });

  it('rootOf and isContent: the deepest content root that holds the file', () => {
    const m = urls({
      roots: [
        { dir: C, prefix: '' },
        { dir: `${C}/more`, prefix: 'extra' },
      ],
    });
    assert.equal(m.rootOf(`${C}/more/x.md`)?.prefix, 'extra');
    assert.equal(m.rootOf(`${C}/a.md`)?.prefix, '');
    assert.equal(m.isContent('/site/assets/x.md'), false);
    assert.equal(m.of(`${C}/more/x.md`), '/extra/x/');
  });
});

describe('PageUrls: uglyURLs', () => {
  const u = urls({ uglyURLs: true });
  it('/a/b.html, a section /a.html, a bundle /a/bundle.html; the home page and url stay', () => {
    assert.equal(u.of(`${C}/_index.md`), '/');
    assert.equal(u.of(`${C}/a/_index.md`), '/a.html');
    assert.equal(u.of(`${C}/a/b.md`), '/a/b.html');
    assert.equal(u.of(`${C}/a/bundle/index.md`), '/a/bundle.html');
    assert.equal(u.of(`${C}/a/sub/_index.md`), '/a/sub.html');
    assert.equal(u.of(`${C}/a/sub/d.md`, { slug: 'dee' }), '/a/sub/dee.html');
    assert.equal(u.of(`${C}/u.md`, { url: '/custom/place/' }), '/custom/place/');
  });
});

describe('PageUrls: permalinks', () => {
  const hello = { title: 'Hello World!', date: '2021-03-04' };
  it(':year :month :day :title for a section; other sections and section pages keep their URLs', () => {
    const u = urls({ permalinks: { posts: '/:year/:month/:day/:title/' } });
    assert.equal(u.of(`${C}/posts/hello-world.md`, hello), '/2021/03/04/hello-world/');
    assert.equal(u.of(`${C}/posts/pb/index.md`, { title: 'Bundled Post', date: '2020-02-29' }), '/2020/02/29/bundled-post/');
    assert.equal(u.of(`${C}/posts/second.md`, { title: 'Second', date: new Date('2022-12-31T10:00:00Z'), slug: 'two' }), '/2022/12/31/second/');
    assert.equal(u.of(`${C}/posts/_index.md`, { title: 'Posts' }), '/posts/');
    assert.equal(u.of(`${C}/a/b.md`, { title: 'B' }), '/a/b/');
    assert.equal(u.of(`${C}/top.md`, { title: 'Top' }), '/top/');
  });

  it(':yearday :monthname :weekday :weekdayname :section :filename :slugorfilename', () => {
    const u = urls({ permalinks: { posts: '/:section/:yearday-:monthname-:weekday-:weekdayname/:filename/', a: '/x/:slugorfilename/' } });
    // Names as Go writes them; Hugo lower-cases the path, and so does pageUrl.
    assert.equal(u.of(`${C}/posts/hello-world.md`, hello), '/posts/63-March-4-Thursday/hello-world/');
    assert.equal(pageUrl(u, `${C}/posts/hello-world.md`, hello), '/posts/63-march-4-thursday/hello-world/');
    assert.equal(pageUrl(u, `${C}/posts/pb/index.md`, { date: '2020-02-29' }), '/posts/60-february-6-saturday/pb/');
    assert.equal(pageUrl(u, `${C}/posts/second.md`, { date: '2022-12-31T10:00:00Z' }), '/posts/365-december-6-saturday/second/');
    assert.equal(u.of(`${C}/a/sub/d.md`, { slug: 'dee' }), '/x/dee/');
    assert.equal(u.of(`${C}/a/deep/c.md`), '/x/c/');
    assert.equal(u.of(`${C}/a/bundle/index.md`), '/x/bundle/');
  });

  it(':sections: the folders that are sections (with an _index.md), :slug falls back to the title', () => {
    const u = urls({ permalinks: { a: '/:sections/:slug/' } }, [`${C}/a/sub`]);
    assert.equal(u.of(`${C}/a/b.md`, { title: 'B page' }), '/a/b-page/');
    assert.equal(u.of(`${C}/a/deep/c.md`, { title: 'C Deep' }), '/a/c-deep/');
    assert.equal(u.of(`${C}/a/sub/d.md`, { title: 'D Sub', slug: 'dee' }), '/a/sub/dee/');
  });

  it("without a date the tokens are those of Go's zero time (:year unpadded)", () => {
    assert.equal(pageUrl(urls({ permalinks: { posts: '/:year/:month/:day/:weekdayname/:filename/' } }), `${C}/posts/x.md`), '/1/01/01/monday/x/');
  });

  it('with uglyURLs the pattern\'s trailing "/" goes and .html is added; without one, pretty URLs get it', () => {
    assert.equal(urls({ uglyURLs: true, permalinks: { posts: '/:year/:title/' } }).of(`${C}/posts/hello-world.md`, hello), '/2021/hello-world.html');
    assert.equal(urls({ uglyURLs: true, permalinks: { posts: '/:year/:title' } }).of(`${C}/posts/hello-world.md`, hello), '/2021/hello-world.html');
    assert.equal(urls({ permalinks: { posts: '/:year/:title' } }).of(`${C}/posts/hello-world.md`, hello), '/2021/hello-world/');
  });
});

describe('PageUrls: languages', () => {
  const two: Partial<UrlScheme> = {
    roots: [
      { dir: `${C}/en`, lang: 'en', prefix: '' },
      { dir: `${C}/fr`, lang: 'fr', prefix: '' },
    ],
    languages: ['en', 'fr'],
  };
  it('the default language at the top, the others under /<lang>/', () => {
    const u = urls(two);
    assert.equal(u.of(`${C}/en/_index.md`), '/');
    assert.equal(u.of(`${C}/en/docs/guide.md`), '/docs/guide/');
    assert.equal(u.of(`${C}/fr/_index.md`), '/fr/');
    assert.equal(u.of(`${C}/fr/docs/guide.md`), '/fr/docs/guide/');
  });

  it('defaultContentLanguageInSubdir: the default language under /<lang>/ too; with uglyURLs', () => {
    const u = urls({ ...two, defaultContentLanguageInSubdir: true });
    assert.equal(u.of(`${C}/en/_index.md`), '/en/');
    assert.equal(u.of(`${C}/en/docs/guide.md`), '/en/docs/guide/');
    const ugly = urls({ ...two, defaultContentLanguageInSubdir: true, uglyURLs: true });
    assert.equal(ugly.of(`${C}/fr/docs/_index.md`), '/fr/docs.html');
    assert.equal(ugly.of(`${C}/en/docs/guide.md`), '/en/docs/guide.html');
  });

  it('defaultContentLanguage is compared as written: "FR" is no language, so every one gets its folder', () => {
    const u = urls({ ...two, defaultContentLanguage: 'FR' });
    assert.equal(u.of(`${C}/en/docs/guide.md`), '/en/docs/guide/');
    assert.equal(u.of(`${C}/fr/docs/guide.md`), '/fr/docs/guide/');
  });

  it('a language from the file name (a.de.md) in a shared content folder', () => {
    const u = urls({ languages: ['en', 'de'] });
    assert.equal(u.of(`${C}/docs/guide.md`), '/docs/guide/');
    assert.equal(u.of(`${C}/docs/guide.de.md`), '/de/docs/guide/');
    assert.equal(u.of(`${C}/docs/_index.de.md`), '/de/docs/');
    // Not a configured language: part of the name.
    assert.equal(u.of(`${C}/docs/v1.2.md`), '/docs/v1.2/');
  });

  it('one language: no prefix, defaultContentLanguageInSubdir or not', () => {
    assert.equal(urls({ languages: ['en'], defaultContentLanguageInSubdir: true }).of(`${C}/docs/guide.md`), '/docs/guide/');
    assert.equal(urls({ defaultContentLanguageInSubdir: true }).of(`${C}/docs/guide.md`), '/docs/guide/');
    assert.equal(urls({ languages: ['fr'], defaultContentLanguage: 'fr' }).of(`${C}/docs/x.fr.md`), '/docs/x/');
  });
});

describe('urlize', () => {
  it('spaces to "-", characters a path does not hold dropped, lower case', () => {
    assert.equal(urlize('Hello World!'), 'hello-world');
    assert.equal(urlize('C Deep'), 'c-deep');
    assert.equal(urlize('Bundled Post'), 'bundled-post');
  });
});
