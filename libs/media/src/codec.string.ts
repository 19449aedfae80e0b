/** H.264 profile_idc by the profile name ffprobe prints. */
const PROFILE_IDC: Record<string, number> = {
  'constrained baseline': 66,
  baseline: 66,
  main: 77,
  extended: 88,
  high: 100,
  'high 10': 110,
  'high 4:2:2': 122,
  'high 4:4:4 predictive': 244,
};

/** Constraint flags x264 writes (constraint_set1 for Baseline/Main, set0 for Baseline). */
const CONSTRAINTS: Record<number, number> = { 66: 0xc0, 77: 0x40 };

const hex = (n: number) => n.toString(16).padStart(2, '0');

/**
 * RFC 6381 `avc1.PPCCLL`. Exact when the avcC bytes of the init segment are given; otherwise
 * from ffprobe's profile name and level (constraint flags as x264 sets them).
 */
export function avc1Codec(profile: string | null, level: number | null, avcC: [number, number, number] | null = null): string {
  if (avcC) return `avc1.${hex(avcC[0])}${hex(avcC[1])}${hex(avcC[2])}`;
  const idc = PROFILE_IDC[(profile ?? '').toLowerCase()];
  if (idc === undefined || !level) throw new Error(`Unknown H.264 profile/level: ${profile} ${level}`);
  return `avc1.${hex(idc)}${hex(CONSTRAINTS[idc] ?? 0)}${hex(level)}`;
}

/** AAC-LC */
export const AAC_LC_CODEC = 'mp4a.40.2';
