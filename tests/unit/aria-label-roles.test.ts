import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `aria-label` on an element without a role (a div, Mantine's Stack, Group, Box, Skeleton…) is
 * not announced and fails axe's aria-prohibited-attr (serious). Issue 16 point 8 removed them;
 * the loading state of the security events brought one back, seen only when axe happened to scan
 * during loading. This reads every component's JSX so that a new one fails here, not at random.
 */
const GENERIC = ['div', 'span', 'Stack', 'Group', 'Box', 'Skeleton', 'Flex', 'SimpleGrid'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.tsx') && !path.endsWith('.test.tsx') ? [path] : [];
  });
}

/** Opening tags of generic elements that carry aria-label but no role. */
export function unlabelledRoles(source: string): string[] {
  const found: string[] = [];
  const tag = new RegExp(`<(${GENERIC.join('|')})\\b([^<>]|=>|\\{[^{}]*\\})*?>`, 'g');
  for (const match of source.matchAll(tag)) {
    const text = match[0];
    // `component="ul"` (and the like) renders an element that has a role of its own.
    const ownRole = /\scomponent="(ul|ol|nav|section|form|table|main|aside|header|footer)"/;
    if (/\saria-label=/.test(text) && !/\srole=/.test(text) && !ownRole.test(text))
      found.push(text.replace(/\s+/g, ' '));
  }
  return found;
}

describe('aria-label only where there is a role', () => {
  it('finds the kind it forbids', () => {
    expect(unlabelledRoles('<Stack gap="xs" aria-label="Loading">')).toHaveLength(1);
    expect(unlabelledRoles('<Stack gap="xs" role="status" aria-label="Loading">')).toEqual([]);
    expect(unlabelledRoles('<Skeleton\n  h={20}\n  aria-label="Loading"\n/>')).toHaveLength(1);
    expect(unlabelledRoles('<Stack component="ul" aria-label="Your passkeys">')).toEqual([]);
  });

  it('no component in src puts aria-label on a role-less element', () => {
    const offenders = files('src').flatMap((file) =>
      unlabelledRoles(readFileSync(file, 'utf8')).map((tag) => `${file}: ${tag}`),
    );
    expect(offenders).toEqual([]);
  });
});
