import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { PageSkeleton } from '@/app/PageSkeleton';
import { AppShellDocument } from '@/gql/graphql';
import { EmptyState } from '@/shared/States';
import { adminSectionsFor } from './sections';

/** The signed-in person's role, from the app shell's query (already in the cache inside the shell). */
function useRole() {
  const { data } = useQuery(AppShellDocument);
  return { ready: data !== undefined, role: data?.me?.role ?? null, me: data?.me ?? null };
}

/**
 * The frame of the administration area: its title and a link per section the role may open (as tabs, but plain links
 * with `aria-current`: each section is a page of its own, with its URL), then the section.
 */
export function AdminLayout() {
  const { t } = useTranslation();
  const { ready, role } = useRole();
  if (!ready) return <PageSkeleton />;
  const sections = adminSectionsFor(role);
  if (sections.length === 0) return <EmptyState title={t('errors.forbidden')} data-testid="forbidden" />;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box>
        <Typography component="p" variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>
          {t('administration.title')}
        </Typography>
        <Box
          component="nav"
          aria-label={t('administration.nav.label')}
          sx={{ display: 'flex', gap: 0.5, borderBottom: 1, borderColor: 'divider', flexWrap: 'wrap' }}
        >
          {sections.map((section) => (
            <Button
              key={section.path}
              component={NavLink}
              to={`/admin/${section.path}`}
              data-testid={`admin-nav-${section.path}`}
              sx={{
                borderRadius: 0,
                px: 2,
                color: 'text.secondary',
                borderBottom: 2,
                borderColor: 'transparent',
                mb: '-1px',
                '&[aria-current="page"]': { color: 'primary.main', borderColor: 'primary.main' },
              }}
            >
              {t(section.key)}
            </Button>
          ))}
        </Box>
      </Box>
      <Suspense fallback={<PageSkeleton />}>
        <Outlet />
      </Suspense>
    </Box>
  );
}

/** `/admin`: the first section the role may open. */
export function AdminHome() {
  const { ready, role } = useRole();
  if (!ready) return <PageSkeleton />;
  const [first] = adminSectionsFor(role);
  return first ? <Navigate to={`/admin/${first.path}`} replace /> : null;
}

/** Whether the signed-in person holds what a section needs, and who they are (for the staff list's own row). */
export function useSectionAccess(path: string) {
  const { ready, role, me } = useRole();
  return { ready, allowed: adminSectionsFor(role).some((s) => s.path === path), me };
}

/** The head of an administration section: its title (the page's h1), what it is for, and its main action, if any. */
export function SectionHeader({
  title,
  intro,
  action,
}: {
  title: string;
  intro: string;
  action?: ReactNode;
}) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap' }}>
      <Box sx={{ flex: 1, minWidth: 320 }}>
        <Typography component="h1" variant="h5" sx={{ mb: 0.5 }}>
          {title}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {intro}
        </Typography>
      </Box>
      {action}
    </Box>
  );
}
