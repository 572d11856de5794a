// Which of the site's Hugo settings shaped a heading's id (core/hugoConfig.ts reads them): the hover
// on a heading and the status bar say it, so an author whose link is flagged sees why the id is what
// it is (a site without enableEmoji keeps ":snake:" in the id, github-ascii drops accents, ...).

import type { Sourced } from '../hugoConfig';
import type { Site } from '../site';

/** "markup.goldmark.parser.autoHeadingIDType github (hugo.toml)": the key as Hugo documents it, its value, where it is set. */
function describe(site: Site, setting: Sourced<unknown>): string {
  const where = setting.file ? site.relative(setting.file) : site.hugo.found ? "Hugo's default" : "no Hugo configuration: the handbook's setting";
  return `${setting.key} ${String(setting.value)} (${where})`;
}

/** A heading as the hover has it. */
export interface HeadingIdInput {
  /** The heading's text as written (emoji codes and `{#id}` included). */
  text: string;
  customId?: string;
}

/**
 * The settings that decided this heading's id, one phrase each: always how automatic ids are made
 * (or that there are none), and enableEmoji / attribute.title where the heading has an emoji code or
 * an `{#id}`.
 */
export function headingIdSettings(site: Site, heading: HeadingIdInput): string[] {
  const s = site.hugo.settings;
  const say = (setting: Sourced<unknown>) => describe(site, setting);
  const out: string[] = [];
  if (heading.customId !== undefined || /\{\s*#/.test(heading.text)) out.push(say(s.attributeTitle));
  if (heading.customId === undefined) out.push(s.autoHeadingID.value ? say(s.autoHeadingIDType) : say(s.autoHeadingID));
  if (/:[^\s:]+:/.test(heading.text)) out.push(say(s.enableEmoji));
  return out;
}

/** Every setting that shapes the ids of the site's pages, for the status bar's tooltip. */
export function siteIdSettings(site: Site): string[] {
  const s = site.hugo.settings;
  const settings = [s.autoHeadingID.value ? s.autoHeadingIDType : s.autoHeadingID, s.enableEmoji, s.attributeTitle, s.attributeBlock, s.unsafe];
  return settings.map((x) => describe(site, x));
}
