/** The categories a creator files a video under (one each), and advertisers target. */
export const VIDEO_CATEGORIES = [
  'Autos & Vehicles',
  'Comedy',
  'Education',
  'Entertainment',
  'Film & Animation',
  'Gaming',
  'Howto & Style',
  'Music',
  'News & Politics',
  'Nonprofits & Activism',
  'People & Blogs',
  'Pets & Animals',
  'Science & Technology',
  'Sports',
  'Travel & Events',
] as const;

export type VideoCategory = (typeof VIDEO_CATEGORIES)[number];

const BY_KEY = new Map<string, VideoCategory>(VIDEO_CATEGORIES.map((c) => [c.toLowerCase(), c]));

/** The category named `name` (any case, surrounding spaces ignored), or null when there is none by that name. */
export function findCategory(name: string): VideoCategory | null {
  return BY_KEY.get(name.trim().replace(/\s+/g, ' ').toLowerCase()) ?? null;
}
