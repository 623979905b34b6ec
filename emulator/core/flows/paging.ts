/** `Limit` and paging tokens, as the list operations (ListUsers, the group lists) read them. */

import { fromBase64, fromUtf8, toBase64, utf8 } from '../bytes.ts';
import { CognitoError } from '../cognito-error.ts';
import { type Json, optionalInteger, optionalString } from '../input.ts';

/**
 * Reads `Limit`. The API reference allows 0 to 60, but Cognito refuses 0 with a validation error
 * on `maxItems` (https://github.com/aws/aws-sdk-js/issues/2193).
 */
export function limitOf(input: Json, defaultLimit: number): number {
  const limit = optionalInteger(input, 'Limit', 0, 60);
  if (limit === 0) {
    throw new CognitoError(
      'InvalidParameterException',
      "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  }
  return limit ?? defaultLimit;
}

/** The page of `items` that starts where `token` says, and the token of the next page if any. */
export function pageOf<T>(
  items: T[],
  token: string | undefined,
  limit: number,
): { page: T[]; next: string | undefined } {
  let start = 0;
  if (token !== undefined) {
    try {
      start = Number.parseInt(fromUtf8(fromBase64(token)), 10);
    } catch {
      start = Number.NaN;
    }
    if (!Number.isInteger(start) || start < 0) {
      throw new CognitoError('InvalidParameterException', 'Invalid pagination token.');
    }
  }
  const page = items.slice(start, start + limit);
  const end = start + page.length;
  return { page, next: end < items.length ? toBase64(utf8(String(end))) : undefined };
}

/** Reads `NextToken` (the group lists' paging token). */
export function nextTokenOf(input: Json): string | undefined {
  return optionalString(input, 'NextToken', { max: 131072, pattern: /^\S+$/ });
}
