import LogoutIcon from '@mui/icons-material/Logout';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Container from '@mui/material/Container';
import Link from '@mui/material/Link';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Link as RouterLink, Outlet, useLocation, useNavigate } from 'react-router';
import { loginUrl } from '@/auth/urls';
import { AppShellDocument, LogoutDocument } from '@/gql/graphql';
import { SearchBox } from '@/search/SearchBox';
import { visuallyHidden } from '@/shared/a11y';
import { enumLabel } from '@/shared/enumLabel';
import { ErrorState } from '@/shared/States';
import { AdminNav } from './AdminNav';
import { LanguageSwitch } from './LanguageSwitch';
import { navItemsFor } from './navigation';
import { PageSkeleton } from './PageSkeleton';

/**
 * The signed-in frame of every page: the app bar (search box, the navigation the role may use — see
 * `navigation.ts` —, language, who is signed in, sign out) and the page below it. Nobody signed in: off to the login page, coming back here afterwards.
 */
export function AppShell() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { data, error, refetch } = useQuery(AppShellDocument);
  const [logout, { loading: signingOut }] = useMutation(LogoutDocument);

  if (!data) {
    if (error) {
      return (
        <Container sx={{ py: 4 }}>
          <Typography component="h1" variant="h6">
            {t('app.sessionError')}
          </Typography>
          <ErrorState error={error} onRetry={() => void refetch()} />
        </Container>
      );
    }
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '50vh' }} role="status">
        <CircularProgress aria-label={t('app.loadingSession')} />
      </Box>
    );
  }
  if (!data.me) return <Navigate to={loginUrl(location.pathname + location.search)} replace />;

  const me = data.me;
  const signOut = async () => {
    try {
      await logout();
    } finally {
      await navigate('/login', { replace: true });
      await client.clearStore();
    }
  };

  return (
    <>
      <Link
        href="#main"
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: (theme) => theme.zIndex.tooltip,
          bgcolor: 'background.paper',
          p: 1,
          '&:focus': { top: 8 },
        }}
      >
        {t('app.skipToContent')}
      </Link>
      <AppBar position="sticky" component="header">
        <Toolbar sx={{ gap: 1.5 }}>
          <Typography
            component={RouterLink}
            to="/"
            variant="h6"
            noWrap
            sx={{ color: 'inherit', textDecoration: 'none', flexShrink: 0 }}
          >
            {t('app.name')}
          </Typography>
          <Box
            component="nav"
            aria-label={t('app.nav.label')}
            sx={{ display: 'flex', gap: 0.25, flexShrink: 0 }}
          >
            {navItemsFor(me.role).map((item) => (
              <Button
                key={item.to}
                component={NavLink}
                to={item.to}
                end={item.end}
                color="inherit"
                sx={{
                  whiteSpace: 'nowrap',
                  flexShrink: 0,
                  px: 1.25,
                  // Darker, not lighter, than the bar: white text on a white tint falls under WCAG AA (3.5:1).
                  '&[aria-current="page"]': {
                    bgcolor: 'rgba(0,0,0,0.22)',
                    boxShadow: 'inset 0 -2px 0 currentColor',
                  },
                }}
              >
                {t(item.key)}
              </Button>
            ))}
            <AdminNav role={me.role} />
          </Box>
          <SearchBox />
          <Box sx={{ flex: 1 }} />
          <LanguageSwitch />
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Box component="span" sx={visuallyHidden}>
              {t('app.user.signedInAs', { name: me.displayName, role: enumLabel(t, 'role', me.role) })}
            </Box>
            <Typography variant="body2" noWrap aria-hidden>
              {me.displayName}
            </Typography>
            <Chip
              size="small"
              label={enumLabel(t, 'role', me.role)}
              aria-hidden
              sx={{ color: 'inherit', borderColor: 'rgba(255,255,255,0.7)' }}
              variant="outlined"
            />
          </Box>
          <Button
            color="inherit"
            startIcon={<LogoutIcon aria-hidden />}
            onClick={() => void signOut()}
            disabled={signingOut}
            data-testid="logout"
            sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
          >
            {t('app.logout')}
          </Button>
        </Toolbar>
      </AppBar>
      <Box component="main" id="main" tabIndex={-1} sx={{ outline: 'none' }}>
        <Container maxWidth="xl" sx={{ py: 3 }}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </Container>
      </Box>
    </>
  );
}
