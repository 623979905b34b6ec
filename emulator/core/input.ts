/** Reading request bodies that are `unknown` until checked, with Cognito's validation wording. */

import { CognitoError } from './cognito-error.ts';

/** A JSON object from a request. */
export type Json = Record<string, unknown>;

function memberName(field: string): string {
  return field.charAt(0).toLowerCase() + field.slice(1);
}

function invalid(field: string, constraint: string, value = ' '): CognitoError {
  return new CognitoError(
    'InvalidParameterException',
    `1 validation error detected: Value${value}at '${memberName(field)}' failed to satisfy constraint: ${constraint}`,
  );
}

function wrongType(field: string, expected: string): CognitoError {
  return new CognitoError(
    'SerializationException',
    `Unexpected value type for '${field}': expected ${expected}.`,
  );
}

/** Whether a value is a plain JSON object. */
export function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface StringRules {
  min?: number;
  max?: number;
  pattern?: RegExp;
}

function checkString(field: string, value: string, rules: StringRules): string {
  const { min = 1, max = 2048, pattern } = rules;
  if (value.length < min) {
    throw invalid(field, `Member must have length greater than or equal to ${min}`);
  }
  if (value.length > max) {
    throw invalid(field, `Member must have length less than or equal to ${max}`);
  }
  if (pattern && !pattern.test(value)) {
    throw invalid(field, `Member must satisfy regular expression pattern: ${pattern.source}`);
  }
  return value;
}

/** A required string member. */
export function requiredString(body: Json, field: string, rules: StringRules = {}): string {
  const value = body[field];
  if (value === undefined || value === null) {
    throw invalid(field, 'Member must not be null', ' null ');
  }
  if (typeof value !== 'string') throw wrongType(field, 'a string');
  return checkString(field, value, rules);
}

/** An optional string member. */
export function optionalString(
  body: Json,
  field: string,
  rules: StringRules = {},
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(field, 'a string');
  return checkString(field, value, rules);
}

/** An optional boolean member. */
export function optionalBoolean(body: Json, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw wrongType(field, 'a boolean');
  return value;
}

/** An optional integer member within bounds. */
export function optionalInteger(
  body: Json,
  field: string,
  min: number,
  max: number,
): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType(field, 'an integer');
  if (value < min) throw invalid(field, `Member must have value greater than or equal to ${min}`);
  if (value > max) throw invalid(field, `Member must have value less than or equal to ${max}`);
  return value;
}

/** A map of string to string (AuthParameters, ChallengeResponses, ClientMetadata). */
export function stringMap(body: Json, field: string, required: boolean): Record<string, string> {
  const value = body[field];
  if (value === undefined || value === null) {
    if (required) throw invalid(field, 'Member must not be null', ' null ');
    return {};
  }
  if (!isJsonObject(value)) throw wrongType(field, 'a map');
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    // The library sends absent optional parameters as null (e.g. DEVICE_KEY): Cognito ignores them.
    if (entry === null) continue;
    if (typeof entry !== 'string') throw wrongType(`${field}.${key}`, 'a string');
    out[key] = entry;
  }
  return out;
}

/** A user attribute as the API carries it. */
export interface AttributeInput {
  Name: string;
  Value: string;
}

/** A list of `{Name, Value}` attributes. */
export function attributeList(body: Json, field: string, required: boolean): AttributeInput[] {
  const value = body[field];
  if (value === undefined || value === null) {
    if (required) throw invalid(field, 'Member must not be null', ' null ');
    return [];
  }
  if (!Array.isArray(value)) throw wrongType(field, 'a list');
  return value.map((item, index) => {
    if (!isJsonObject(item)) throw wrongType(`${field}.${index}`, 'a structure');
    const name = requiredString(item, 'Name', { max: 32 });
    const attributeValue = optionalString(item, 'Value', { min: 0, max: 2048 }) ?? '';
    return { Name: name, Value: attributeValue };
  });
}

/** A list of strings (AttributesToGet, UserAttributeNames). */
export function optionalStringList(body: Json, field: string): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw wrongType(field, 'a list');
  return value.map((item, index) => {
    if (typeof item !== 'string') throw wrongType(`${field}.${index}`, 'a string');
    return item;
  });
}

/** Patterns Cognito's API reference gives for common members. */
export const patterns = {
  clientId: /^[\w+]+$/,
  userPoolId: /^[\w-]+_[0-9a-zA-Z]+$/,
  username: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
  code: /^[\S]+$/,
};
