import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { usePageTitle } from '@/shared/usePageTitle';

/** A path the console does not have: a page like the others, with its title as the page's one heading. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('app.notFound'));
  return (
    <Box sx={{ py: 6, px: 2, textAlign: 'center' }}>
      <Typography variant="h6" component="h1">
        {t('app.notFound')}
      </Typography>
      <Box sx={{ mt: 2 }}>
        <Button component={RouterLink} to="/" variant="contained">
          {t('common.backToSearch')}
        </Button>
      </Box>
    </Box>
  );
}
