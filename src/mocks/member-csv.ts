import type { Row } from './member-index';
import { methodsOf } from './views';

const HEADER = 'name,email,role,mfa_enabled,last_reminded_at,methods\r\n';
const ROWS_PER_CHUNK = 2_000;

/**
 * One CSV cell a spreadsheet shows as text: a leading = + - @ (or tab, carriage return) would
 * start a formula, so it gets a ' in front (OWASP "CSV injection"); commas, quotes and line
 * breaks are quoted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(row: Row): string {
  const at = row.m.lastRemindedAt;
  return [
    row.u.name ?? '',
    row.u.email,
    row.m.role,
    row.u.mfa ? 'true' : 'false',
    at === null ? '' : new Date(at).toISOString(),
    methodsOf(row.u).join(' '),
  ]
    .map(csvCell)
    .join(',');
}

/** The rows as a stream of chunks, so 100,000 members never become one big string. */
export function csvStream(rows: Row[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // The BOM makes spreadsheet apps read the file as UTF-8 (names in any script).
      controller.enqueue(encoder.encode(`\uFEFF${HEADER}`));
    },
    pull(controller) {
      const end = Math.min(rows.length, next + ROWS_PER_CHUNK);
      let text = '';
      for (; next < end; next++) {
        const row = rows[next];
        if (row) text += `${csvLine(row)}\r\n`;
      }
      if (text) controller.enqueue(encoder.encode(text));
      if (next >= rows.length) controller.close();
    },
  });
}
