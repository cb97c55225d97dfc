import {
  type AutocompleteProps,
  Button,
  createTheme,
  DEFAULT_THEME,
  type MantineColorsTuple,
  type ModalProps,
  type NativeSelectProps,
  NavLink,
  type NumberInputProps,
  PasswordInput,
  type SwitchProps,
  TextInput,
} from '@mantine/core';

/**
 * Default props without `Component.extend(…)`, which would import the component's code into the
 * first screen's bundle; these inputs appear only on pages that load on demand (NumberInput alone
 * brings react-number-format, ~17 kB gzip).
 */
const defaults = <P>(defaultProps: Partial<P>) => ({ defaultProps });

/**
 * WCAG 2.2 AA (1.4.3, 4.5:1 for text): Mantine's default shade 6 of teal, red, orange, green and
 * blue reaches only 2.4–3.6:1 on white, and grey 6 (the "dimmed" text) 3.3:1. Shades 6–9 are
 * replaced by darker ones that keep ≥ 4.5:1 on white, on the light grey page background and on
 * their own 10 % tint (light badges, alerts, the active navigation link); shades 0–5 stay, so
 * backgrounds and borders look as before. Ratios measured in e2e/accessibility.e2e.ts with axe.
 */
function darkened(name: string, dark: [string, string, string, string]) {
  const base = DEFAULT_THEME.colors[name] as MantineColorsTuple;
  return [base[0], base[1], base[2], base[3], base[4], base[5], ...dark] as unknown as MantineColorsTuple;
}

const colors = {
  teal: darkened('teal', ['#086c50', '#075f46', '#06523d', '#054533']),
  red: darkened('red', ['#b42626', '#a22222', '#8f1e1e', '#7c1a1a']),
  orange: darkened('orange', ['#b5400b', '#a2390a', '#8f3209', '#7c2b08']),
  yellow: darkened('yellow', ['#8f5a00', '#7f5000', '#6f4600', '#5f3c00']),
  green: darkened('green', ['#24703a', '#206434', '#1c582e', '#184c28']),
  blue: darkened('blue', ['#1864ab', '#155a9a', '#134f88', '#104576']),
  cyan: darkened('cyan', ['#0b6e8a', '#0a627b', '#09566c', '#084a5d']),
  grape: darkened('grape', ['#862e9c', '#78298c', '#6a247c', '#5c1f6c']),
  gray: darkened('gray', ['#5c636a', '#495057', '#343a40', '#212529']),
};

/**
 * Sized for a tablet held in the treatment room: inputs and buttons at Mantine's `md` (about 42 px
 * tall) so a finger hits them, and `md` moved to 1024 px so the navbar folds into the burger
 * below a landscape tablet's width rather than squeezing the page.
 */
export const theme = createTheme({
  colors,
  primaryColor: 'teal',
  // White or black text on a filled colour, whichever contrasts more (yellow and light shades).
  autoContrast: true,
  defaultRadius: 'md',
  breakpoints: { xs: '36em', sm: '48em', md: '64em', lg: '75em', xl: '88em' },
  components: {
    Button: Button.extend({ defaultProps: { size: 'md' } }),
    // No asterisk after labels: nearly every field here is required (the inputs still say so to
    // assistive technology), and a bare label is what people and tests look fields up by.
    TextInput: TextInput.extend({ defaultProps: { size: 'md', withAsterisk: false } }),
    PasswordInput: PasswordInput.extend({
      // Mantine names the eye button "Toggle password visibility", which a search for the field
      // labelled "Password" also finds; a name without the word keeps that label unique.
      defaultProps: {
        size: 'md',
        withAsterisk: false,
        visibilityToggleButtonProps: { 'aria-label': 'Show or hide the characters typed' },
      },
    }),
    NativeSelect: defaults<NativeSelectProps>({ size: 'md', withAsterisk: false }),
    Autocomplete: defaults<AutocompleteProps>({ size: 'md', withAsterisk: false }),
    NumberInput: defaults<NumberInputProps>({ size: 'md', withAsterisk: false }),
    Switch: defaults<SwitchProps>({ size: 'md' }),
    // Mantine's close button is an icon without a name (axe button-name, WCAG 4.1.2).
    Modal: defaults<ModalProps>({ closeButtonProps: { 'aria-label': 'Close' } }),
    NavLink: NavLink.extend({ styles: { root: { minHeight: 44, borderRadius: 8 } } }),
  },
});
