import { limits } from '@/api/contract-values';
import { badRequest, ProblemError } from './problems';

/** Reading and checking JSON request bodies against the contract's limits. */

/** A second line behind the body limit of ./request-guards (MAX_BODY_BYTES), for direct calls. */
const MAX_JSON_CHARS = limits.requestBodyMaxBytes;

/** Parse a JSON object body, or fail with a 400 that says what is wrong. */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await request.text();
  } catch {
    throw badRequest('The request body could not be read.', 'body', 'invalid_json');
  }
  if (text.length > MAX_JSON_CHARS)
    throw new ProblemError(
      413,
      'payload_too_large',
      'Request too large',
      'The request body is too large.',
    );
  if (!text.trim())
    throw badRequest('The request body is empty; send a JSON object.', 'body', 'invalid_json');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.', 'body', 'invalid_json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('The request body must be a JSON object.', 'body', 'invalid_json');
  }
  return value as Record<string, unknown>;
}

/** The longest string field a JSON body may carry unless its schema says otherwise. */
export const MAX_STRING_LENGTH = limits.stringMaxLength;

export function stringField(
  body: Record<string, unknown>,
  field: string,
  required = true,
  maxLength: number = MAX_STRING_LENGTH,
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    if (required)
      throw new ProblemError(400, 'missing_field', 'Invalid request', `"${field}" is required.`, {
        parameters: { parameter: field },
        errors: [{ field, message: 'Required.' }],
      });
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new ProblemError(400, 'invalid_type', 'Invalid request', `"${field}" must be a string.`, {
      parameters: { parameter: field },
      errors: [{ field, message: 'Must be a string.' }],
    });
  }
  // Checked before anything else looks at the value (hashing a long password costs time).
  if (value.length > maxLength) {
    const message = `At most ${maxLength} characters.`;
    throw new ProblemError(400, 'too_long', 'Invalid request', `"${field}" is too long.`, {
      parameters: { parameter: field, maxLength },
      errors: [{ field, message }],
    });
  }
  return value;
}

/** An optional boolean field (absent or null is false). */
export function booleanField(body: Record<string, unknown>, field: string): boolean {
  const value = body[field];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean')
    throw new ProblemError(
      400,
      'invalid_type',
      'Invalid request',
      `"${field}" must be true or false.`,
      {
        parameters: { parameter: field },
        errors: [{ field, message: 'Must be a boolean.' }],
      },
    );
  return value;
}

export function rejectUnknownFields(body: Record<string, unknown>, allowed: string[]): void {
  const unknown = Object.keys(body).find((k) => !allowed.includes(k));
  if (unknown) throw badRequest(`Unknown field "${unknown}".`, unknown, 'unknown_field');
}
