/**
 * First price per impression: floor(cpm / 1000) minor units. Rounding down never charges an
 * advertiser more than the CPM they bid (at most 999 minor units under it per 1,000 impressions);
 * a bid whose per-impression price would be 0 (cpm < 1000 minor units) cannot serve (PRICE_ZERO).
 */
export function pricePerImpression(cpmBid: bigint): bigint {
  return cpmBid > 0n ? cpmBid / 1000n : 0n;
}
