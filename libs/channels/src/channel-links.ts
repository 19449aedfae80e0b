import { UserError } from '@wetube/platform';

/** A link on a channel's About tab. */
export interface ChannelLink {
  title: string;
  url: string;
}

export const MAX_LINKS = 5;
export const LINK_TITLE_MAX = 40;
export const LINK_URL_MAX = 500;
export const DESCRIPTION_MAX = 1000;

/** http(s) URLs only (no javascript:, data:, credentials in the URL), titles defaulting to the host name. */
export function cleanLinks(
  links: Array<{ title?: string | null; url: string }>,
): { ok: true; links: ChannelLink[] } | { ok: false; error: UserError } {
  if (links.length > MAX_LINKS)
    return { ok: false, error: UserError.of('links', `A channel has at most ${MAX_LINKS} links.`, 'LINKS_TOO_MANY') };
  const out: ChannelLink[] = [];
  for (const [i, link] of links.entries()) {
    const raw = (link.url ?? '').trim();
    let url: URL | null = null;
    try {
      url = raw.length <= LINK_URL_MAX ? new URL(raw) : null;
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.username || url.password) {
      return {
        ok: false,
        error: UserError.of(
          'links',
          `Link ${i + 1} is not a web address: use a full http:// or https:// URL of at most ${LINK_URL_MAX} characters.`,
          'LINK_INVALID',
        ),
      };
    }
    const title = (link.title ?? '').trim() || url.hostname;
    if (title.length > LINK_TITLE_MAX) {
      return {
        ok: false,
        error: UserError.of('links', `The title of link ${i + 1} is longer than ${LINK_TITLE_MAX} characters.`, 'LINK_TITLE_TOO_LONG'),
      };
    }
    out.push({ title, url: url.toString() });
  }
  return { ok: true, links: out };
}
