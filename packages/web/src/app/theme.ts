import {
  Button,
  createTheme,
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
 * Sized for a tablet held in the treatment room: inputs and buttons at Mantine's `md` (about 42 px
 * tall) so a finger hits them, and `md` moved to 1024 px so the navbar folds into the burger
 * below a landscape tablet's width rather than squeezing the page.
 */
export const theme = createTheme({
  primaryColor: 'teal',
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
    NumberInput: defaults<NumberInputProps>({ size: 'md', withAsterisk: false }),
    Switch: defaults<SwitchProps>({ size: 'md' }),
    NavLink: NavLink.extend({ styles: { root: { minHeight: 44, borderRadius: 8 } } }),
  },
});
