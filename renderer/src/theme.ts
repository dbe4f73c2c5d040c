import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Fixline's look: calm teal on neutral grey, readable at 1366×768 from a bench stool. */
export const theme = createTheme({
  primaryColor: 'teal',
  // Shade 9: white on it is 5:1; on shade 8 it is under 4:1, too faint for small text.
  primaryShade: 9,
  fontFamily: "system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
  defaultRadius: 'sm',
});

/**
 * Mantine's default dimmed grey and error red are lighter than WCAG AA allows for small text on
 * white (3.3:1 and 3.6:1), and so is light teal text on its default tint; hints and error
 * messages are what a technician must read, so darken them.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    // Light teal (badges, the active screen) on its palest tint, so its text stays above 4.5:1.
    '--mantine-color-teal-light': 'var(--mantine-color-teal-0)',
    '--mantine-color-teal-light-hover': 'var(--mantine-color-teal-1)',
    // Mantine hovers shade 9 with the lighter shade 8 (under 4:1 with white) and draws light
    // teal text in a shade under 4.5:1 on the hover tint: both get a darker teal of their own.
    '--mantine-color-teal-filled-hover': '#066649',
    '--mantine-color-teal-light-color': '#066649',
  },
  dark: {},
});
