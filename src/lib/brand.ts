/** Brand and CLI name are configuration, never literals in components (PRODUCT §2). */
export const BRAND = {
  name: 'Nimbus',
  product: 'Nimbus Console',
  cli: 'nimbus',
} as const;

export const cliCommand = (args: string) => `${BRAND.cli} ${args}`;
