// Mantine's Vite setup: its preset gives CSS modules rem(), light-dark() and the breakpoints.
// An ES module (.js, as package.json says "type": "module"), so ESLint lints it like the
// other configuration files.
export default {
  plugins: {
    'postcss-preset-mantine': {},
    'postcss-simple-vars': {
      variables: {
        'mantine-breakpoint-xs': '36em',
        'mantine-breakpoint-sm': '48em',
        'mantine-breakpoint-md': '62em',
        'mantine-breakpoint-lg': '75em',
        'mantine-breakpoint-xl': '88em',
      },
    },
  },
};
