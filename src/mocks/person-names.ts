/**
 * The generated people's names and e-mail addresses (Acme Corp's and Globex's rest, all of
 * Initech): "First Last" from two fixed lists, so every run makes the same people.
 */

const FIRST = [
  'Alex',
  'Bea',
  'Carlos',
  'Dana',
  'Eli',
  'Fatima',
  'Gita',
  'Hugo',
  'Ines',
  'Jon',
  'Kemal',
  'Lena',
  'Marco',
  'Nora',
  'Oskar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Viktor',
  'Wen',
  'Xavier',
  'Yara',
  'Zoe',
  'Aiko',
  'Bruno',
  'Chloe',
  'Dmitri',
  'Emeka',
  'Freya',
  'Goran',
  'Hana',
];
const LAST = [
  'Anders',
  'Brooks',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quist',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Ueda',
  'Varga',
  'Wagner',
  'Xu',
  'Yilmaz',
  'Zhang',
];

/** "Bruno García" → "bruno.garcia" (accents folded, not dropped). */
export function emailLocalPart(name: string): string {
  let local = localParts.get(name);
  if (local === undefined) {
    local = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '.');
    localParts.set(name, local);
  }
  return local;
}
const localParts = new Map<string, string>(); // Initech repeats a few hundred names 100,000 times

/** The generated people's names: the `index`-th "First Last" of the lists above. */
export function seededPersonName(index: number): string {
  return `${FIRST[index % FIRST.length]} ${LAST[Math.floor(index / FIRST.length) % LAST.length]}`;
}
