import { createTheme, Loader, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 keeps links, red and other outline colours and buttons at WCAG AA contrast on white; shade 4 on dark surfaces.
  primaryShade: { light: 8, dark: 4 },
  defaultRadius: 'md',
  // Filled colours are light in the dark scheme (shade 4): pick black or white text by contrast.
  autoContrast: true,
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {
    // A loader is a live status: its label is announced, and aria-label is allowed on it.
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
  },
});

/** Mantine's default dimmed grey falls below 4.5:1 on white; a darker shade keeps AA contrast. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
