import { Anchor, createTheme, Loader, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 keeps links, red and other outline colours and buttons at WCAG AA contrast on white; shade 4 on dark surfaces.
  primaryShade: { light: 8, dark: 7 },
  defaultRadius: 'md',
  // Filled colours are light in the dark scheme (shade 4): pick black or white text by contrast.
  autoContrast: true,
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {
    // A loader is a live status: its label is announced, and aria-label is allowed on it.
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
    // Opening a dialog does not lock the page's scroll with react-remove-scroll: its injected
    // stylesheet made the browser restyle the whole page in the click's task (65 ms at 4x CPU on
    // the organization page). The overlay covers the page, and the page scrolling under it harms
    // nothing. (A plain object, not Modal.extend: the theme must not pull Modal into the first page.)
    Modal: { defaultProps: { lockScroll: false } },
    // Links inside text must not rely on colour alone (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

/** Mantine's default dimmed grey falls below 4.5:1 on white; a darker shade keeps AA contrast. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Text of "light" badges/alerts: shade 9 of these hues is under 4.5:1 on their tinted fill.
    '--mantine-color-green-light-color': '#1e6b30',
    '--mantine-color-teal-light-color': '#0b6b58',
    '--mantine-color-lime-light-color': '#3d6608',
    '--mantine-color-yellow-light-color': '#7a4d00',
    '--mantine-color-orange-light-color': '#9c3d00',
    // Red outline buttons ("Remove authenticator"): shade 9 stays above 4.5:1 on their hover tint.
    '--mantine-color-red-outline': 'var(--mantine-color-red-9)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-3)',
  },
});
