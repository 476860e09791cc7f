import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { pagerSteps, type CursorStack, type NextPageInfo } from './cursors';

/**
 * Previous / page n / next under a cursor-paged list (`pagerSteps` does the math): each step hands the whole next
 * state to `onPage`, which puts it in the URL. `dense` is the smaller pager of a list inside a page section.
 */
export function CursorPager<S extends CursorStack>({
  state,
  pageInfo,
  onPage,
  label,
  nextTestId,
  dense = false,
  announcePage = true,
}: {
  state: S;
  /** the shown page's `pageInfo`; undefined until the server has answered */
  pageInfo: NextPageInfo | null | undefined;
  onPage: (next: S) => void;
  /** the name of the `<nav>` */
  label: string;
  nextTestId?: string;
  dense?: boolean;
  /** whether screen readers hear the page number change (`aria-live`) */
  announcePage?: boolean;
}) {
  const { t } = useTranslation();
  const { page, previous, next } = pagerSteps(state, pageInfo);
  const size = dense ? 'small' : undefined;
  return (
    <Box
      component="nav"
      aria-label={label}
      sx={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 2, mt: dense ? 1 : 2 }}
    >
      <Button size={size} onClick={() => previous && onPage(previous)} disabled={!previous}>
        {t('orders.previous')}
      </Button>
      <Typography variant="body2" aria-live={announcePage ? 'polite' : undefined}>
        {t('orders.page', { page })}
      </Typography>
      <Button size={size} onClick={() => next && onPage(next)} disabled={!next} data-testid={nextTestId}>
        {t('orders.next')}
      </Button>
    </Box>
  );
}
