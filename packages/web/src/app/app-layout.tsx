import {
  AppShell,
  Burger,
  Group,
  Loader,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { Link, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { api } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { roleLabel } from '../components/role-labels.ts';
import { useIdleSignOut } from '../features/auth/use-idle-sign-out.ts';
import { adminNav, isActive, MAIN_NAV, type NavItem } from './navigation.ts';

export function AppLayout({ session }: { session: Session }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  // A page's code loads on its first visit (router.tsx); meanwhile the current page stays, so
  // the header says the next one is on its way.
  const opening = useNavigation().state === 'loading';
  useIdleSignOut(session.organization.sessionIdleMinutes);

  // On a narrow screen the navbar covers the page; choosing a destination should reveal it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the reaction to a new path
  useEffect(() => close(), [pathname, close]);

  const admin = adminNav(session);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
            />
            <Text fw={700} c="teal.8">
              Fascia
            </Text>
            <Text fw={600} truncate data-testid="clinic-name">
              {session.organization.name}
            </Text>
            {opening && <Loader size="xs" aria-label="Opening the page" />}
          </Group>
          <UserMenu session={session} />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" component="nav" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          {MAIN_NAV.map((item) => (
            <NavItemLink key={item.to} item={item} pathname={pathname} />
          ))}
          {admin.length > 0 && (
            <NavLink label="Admin" defaultOpened childrenOffset="md">
              {admin.map((item) => (
                <NavItemLink key={item.to} item={item} pathname={pathname} />
              ))}
            </NavLink>
          )}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function NavItemLink({ item, pathname }: { item: NavItem; pathname: string }) {
  const active = isActive(pathname, item.to);
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      active={active}
      aria-current={active ? 'page' : undefined}
    />
  );
}

function UserMenu({ session }: { session: Session }) {
  const navigate = useNavigate();

  const signOut = async () => {
    await api.post('/auth/sign-out').catch(() => undefined);
    // The signed-out page clears the cache; clearing it here first would let the workspace see
    // "no session" and send the user to sign-in instead.
    navigate('/signed-out', { replace: true });
  };

  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        {/* The name starts with the text on the button (WCAG 2.5.3 label in name), then says what it opens. */}
        <UnstyledButton
          aria-label={`${session.user.displayName} ${roleLabel(session.user.role)}: user menu`}
          px="sm"
          py={6}
          mih={44}
        >
          <Text fw={600} size="sm" truncate maw={200}>
            {session.user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {roleLabel(session.user.role)}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{session.user.email}</Menu.Label>
        <Menu.Item component={Link} to="/enrol-2fa">
          {session.user.mfaEnrolled ? 'Set up two-factor again' : 'Turn on two-factor'}
        </Menu.Item>
        <Menu.Item component={Link} to="/account/profile">
          Profile
        </Menu.Item>
        <Menu.Item component={Link} to="/account/password">
          Change password
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" onClick={signOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
