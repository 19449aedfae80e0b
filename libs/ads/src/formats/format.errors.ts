/**
 * Input a format writer refuses (a bad URL, a duration out of range, a character XML cannot
 * carry...). `field` names the offending input, e.g. `ads[1].clickThroughUrl` or `breaks[2]`;
 * `message` says what is wrong with it, for a person.
 */
export class AdFormatError extends Error {
  override readonly name = 'AdFormatError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
