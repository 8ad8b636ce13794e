/** "ABCDEFGH…" → "ABCD EFGH …", the way people type a key into an app. */
export function groupKey(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}
