import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { EmptyState } from '@/shared/States';

/** A path the console does not have. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t('app.notFound')}
      action={
        <Button component={RouterLink} to="/" variant="contained">
          {t('common.backToSearch')}
        </Button>
      }
    />
  );
}
