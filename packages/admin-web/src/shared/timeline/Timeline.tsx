import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/**
 * Generic timeline primitives (Saleor's Timeline idea): a list of days, each a list of items. They know nothing
 * of orders; the wording of an entry comes from `messages.ts`.
 */
export function Timeline({
  label,
  children,
  ...rest
}: {
  label: string;
  children: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <Box
      component="ol"
      aria-label={label}
      sx={{ listStyle: 'none', m: 0, p: 0 }}
      data-testid={rest['data-testid']}
    >
      {children}
    </Box>
  );
}

/** One day of a timeline, headed by its date. */
export function TimelineDay({
  day,
  summary,
  children,
}: {
  day: string;
  summary?: string;
  children: ReactNode;
}) {
  return (
    <Box component="li" sx={{ mb: 2 }}>
      <Typography
        component="h3"
        variant="subtitle2"
        sx={{ py: 0.5, borderBottom: 1, borderColor: 'divider', mb: 1, display: 'flex', gap: 1 }}
      >
        <span>{day}</span>
        {summary ? (
          <Typography component="span" variant="caption" color="text.secondary" sx={{ alignSelf: 'center' }}>
            {summary}
          </Typography>
        ) : null}
      </Typography>
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {children}
      </Box>
    </Box>
  );
}

/** Tones of the dot beside an entry. */
export type TimelineTone = 'default' | 'primary' | 'success' | 'error' | 'warning' | 'info';

/** One entry: its time, what happened, and the who/why lines under it. */
export function TimelineItem({
  time,
  title,
  meta,
  details,
  badges,
  tone = 'default',
  ...rest
}: {
  time: string;
  title: ReactNode;
  meta?: ReactNode;
  details?: ReactNode;
  badges?: ReactNode;
  tone?: TimelineTone;
  'data-testid'?: string;
}) {
  return (
    <Box
      component="li"
      data-testid={rest['data-testid']}
      sx={{ display: 'grid', gridTemplateColumns: '5.5rem 1.25rem 1fr', columnGap: 1, pb: 1.5 }}
    >
      <Typography
        variant="body2"
        color="text.secondary"
        sx={{ fontVariantNumeric: 'tabular-nums', pt: '1px' }}
      >
        {time}
      </Typography>
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center' }} aria-hidden>
        <Box
          sx={{
            width: 10,
            height: 10,
            mt: '6px',
            borderRadius: '50%',
            bgcolor: tone === 'default' ? 'grey.500' : `${tone}.main`,
          }}
        />
        <Box sx={{ flex: 1, width: '1px', bgcolor: 'divider', mt: 0.5 }} />
      </Box>
      <Box sx={{ minWidth: 0 }}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: 500 }} data-part="title">
            {title}
          </Typography>
          {badges}
        </Box>
        {meta ? (
          <Typography variant="caption" color="text.secondary" component="p">
            {meta}
          </Typography>
        ) : null}
        {details ? (
          <Typography variant="body2" color="text.secondary" component="div" sx={{ mt: 0.25 }}>
            {details}
          </Typography>
        ) : null}
      </Box>
    </Box>
  );
}
