import { GraphQLError } from 'graphql';

/** The most items one page of a connection may ask for (`first`), unless a field says less or more. */
export const MAX_PAGE_SIZE = 100;

/** What is wrong with `first` as a page size of at most `max`, or null when it is fine. */
export function pageSizeProblem(first: number, max = MAX_PAGE_SIZE): string | null {
  return Number.isInteger(first) && first >= 1 && first <= max ? null : `"first" must be between 1 and ${max}.`;
}

/**
 * The one check of a connection's `first` argument: a whole number from 1 to `max` (100 unless the
 * field says otherwise), else BAD_USER_INPUT naming the argument. Answers `first`.
 */
export function checkFirst(first: number, max = MAX_PAGE_SIZE): number {
  const problem = pageSizeProblem(first, max);
  if (problem) throw new GraphQLError(problem, { extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' } });
  return first;
}
