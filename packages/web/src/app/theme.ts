import {
  Button,
  createTheme,
  NavLink,
  NumberInput,
  PasswordInput,
  Select,
  Switch,
  TextInput,
} from '@mantine/core';

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
    TextInput: TextInput.extend({ defaultProps: { size: 'md' } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { size: 'md' } }),
    Select: Select.extend({ defaultProps: { size: 'md' } }),
    NumberInput: NumberInput.extend({ defaultProps: { size: 'md' } }),
    Switch: Switch.extend({ defaultProps: { size: 'md' } }),
    NavLink: NavLink.extend({ styles: { root: { minHeight: 44, borderRadius: 8 } } }),
  },
});
