/**
 * Reads the text of an SSH / CLI access error (the source document's two examples, or the API's
 * problem document as JSON) into its parts. Nothing pasted leaves the browser.
 */
import { MAX_INPUT, stripNoise } from './paste-noise';

export interface ParsedAccessError {
  /** `missing_methods`: the error names what is required; `no_access`: it does not. */
  kind: 'missing_methods' | 'no_access';
  message: string | null;
  service: string | null;
  user: { name: string; id: string | null } | null;
  /** Required methods as `amr` values (`mfa`, `sso:acme`), in the order given. */
  required: string[];
  /** Requirements in the text that are not a method this page knows how to read. */
  unrecognised: number;
}

const isAmrList = (value: unknown): value is unknown[] => Array.isArray(value);
const validAmr = (list: unknown[]) =>
  list.filter((m): m is string => typeof m === 'string' && AMR_VALUE.test(m));

const AMR_VALUE = /^[a-z0-9][a-z0-9:_.-]{0,60}$/i;
const FIELD = /^(error|service|user|parameters|detail)\s*:\s*(.*)$/i;
const BULLET = /^[-*•]\s*(.+)$/;
const NO_ACCESS = /(do not|don't|doesn't|does not) have access|access denied|permission denied/i;
const NEEDS_AUTH = /additional authentication is required/i;

/**
 * The `amr` list wherever it is: `"amr":["mfa","sso:acme"]` in JSON, `'amr': ['mfa']` as a
 * Python or Ruby dump, `amr=[mfa, sso:acme]` in a log line. Null when there is none (or it is cut).
 */
function amrAnywhere(text: string): unknown[] | null {
  const match = /["']?\bamr["']?\s*[:=]>?\s*(\[[^\]]*\])/i.exec(text);
  const list = match?.[1];
  if (!list) return null;
  for (const candidate of [list, list.replace(/'/g, '"')]) {
    try {
      const parsed: unknown = JSON.parse(candidate);
      if (isAmrList(parsed)) return parsed;
    } catch {
      // not JSON: read it loosely below
    }
  }
  return list
    .slice(1, -1)
    .split(/[\s,]+/)
    .map((item) => item.replace(/^["']|["']$/g, ''))
    .filter(Boolean);
}

function parseUser(value: string): ParsedAccessError['user'] {
  if (!value) return null;
  const match = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(value);
  const [, name = '', id = ''] = match ?? [];
  return match ? { name: name || id, id: name ? id : null } : { name: value, id: null };
}

/** "Multi-factor authentication (MFA)" → mfa; `Single sign-on (SSO), provider: "acme"` → sso:acme. */
function amrFromDetail(line: string): string | null {
  if (/passkey|security key|phishing-resistant|\bhwk\b/i.test(line)) return 'hwk';
  if (/multi-?factor|\bmfa\b|two-?factor|\b2fa\b/i.test(line)) return 'mfa';
  const sso = /single sign-on|\bsso\b/i.test(line)
    ? /provider\s*:?\s*["'“”]?([a-z0-9][a-z0-9_.-]*)/i.exec(line)
    : null;
  return sso?.[1] ? `sso:${sso[1].toLowerCase()}` : null;
}

function fromProblemJson(text: string): ParsedAccessError | null {
  try {
    const doc: unknown = JSON.parse(text);
    if (!doc || typeof doc !== 'object') return null;
    const p = doc as {
      code?: unknown;
      title?: unknown;
      service?: unknown;
      user?: { name?: unknown; email?: unknown; id?: unknown };
      parameters?: { amr?: unknown };
    };
    if (p.code !== 'additional_authentication_required') return null;
    const all = isAmrList(p.parameters?.amr) ? p.parameters.amr : [];
    const amr = validAmr(all);
    const name = p.user?.name ?? p.user?.email;
    return {
      kind: amr.length > 0 ? 'missing_methods' : 'no_access',
      message: typeof p.title === 'string' ? p.title : null,
      service: typeof p.service === 'string' ? p.service : null,
      user:
        typeof name === 'string'
          ? { name, id: typeof p.user?.id === 'string' ? p.user.id : null }
          : null,
      required: amr,
      unrecognised: all.length - amr.length,
    };
  } catch {
    return null;
  }
}

/** A whole problem document of another kind (`forbidden_role`, …): not an access error. */
function isOtherProblem(text: string): boolean {
  try {
    const doc: unknown = JSON.parse(text);
    return typeof doc === 'object' && doc !== null && 'code' in doc;
  } catch {
    return false;
  }
}

/** The parts of a pasted access error, or null when the text does not look like one. */
export function parseAccessError(text: string): ParsedAccessError | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (trimmed.startsWith('{')) {
    const problem = fromProblemJson(trimmed.slice(0, MAX_INPUT));
    if (problem || !/\bamr\b/i.test(trimmed) || isOtherProblem(trimmed)) return problem;
  }

  let message: string | null = null;
  let service: string | null = null;
  let user: ParsedAccessError['user'] = null;
  const cleaned = stripNoise(trimmed);
  const fromParameters = amrAnywhere(cleaned.join('\n'));
  const fromDetail: string[] = [];
  let inDetail = false;
  let needsAuth = false;

  const readBullet = (text: string) => {
    const amr = amrFromDetail(text);
    if (amr && !fromDetail.includes(amr)) fromDetail.push(amr);
  };
  for (const line of cleaned) {
    const field = FIELD.exec(line);
    if (field) {
      const key = (field[1] ?? '').toLowerCase();
      const value = field[2] ?? '';
      inDetail = key === 'detail';
      if (key === 'error') message = value || null;
      else if (key === 'service') service = value || null;
      else if (key === 'user') user = parseUser(value);
      else if (key === 'detail') {
        // "Detail: Additional authentication is required: - MFA - SSO…" on one line.
        const [head = '', ...bullets] = value.split(/\s+[-*•]\s+/);
        if (NEEDS_AUTH.test(head)) needsAuth = true;
        bullets.forEach(readBullet);
      }
      continue;
    }
    const bullet = BULLET.exec(line);
    if (inDetail && bullet) {
      readBullet(bullet[1] ?? '');
    } else if (line) {
      inDetail = false;
      // Without "Error:", the line that says access was denied is the message.
      if (message === null && (NO_ACCESS.test(line) || NEEDS_AUTH.test(line))) {
        message = line.replace(/\s*\{.*$/, '').trim() || null;
        if (NEEDS_AUTH.test(line)) needsAuth = true;
      }
    }
  }

  // The JSON parameters are exact; the Detail lines are the fallback when they are missing.
  const listed = fromParameters ? validAmr(fromParameters) : [];
  const required = listed.length > 0 ? listed : fromDetail;
  const unrecognised = fromParameters ? fromParameters.length - listed.length : 0;
  const recognised =
    required.length > 0 ||
    unrecognised > 0 ||
    needsAuth ||
    (message !== null && NO_ACCESS.test(message)) ||
    (message !== null && service !== null);
  if (!recognised) return null;
  return {
    kind: required.length > 0 ? 'missing_methods' : 'no_access',
    message,
    service,
    user,
    required,
    unrecognised,
  };
}
