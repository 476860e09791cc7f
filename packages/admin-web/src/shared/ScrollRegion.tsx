import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';

/**
 * A box that scrolls its content (a wide or long table), reachable from the keyboard: focusable and named, so people
 * who do not use a mouse can scroll it with the arrow keys (WCAG 2.1.1; axe `scrollable-region-focusable`).
 */
export function ScrollRegion({
  label,
  sx,
  children,
}: {
  readonly label: string;
  readonly sx?: SxProps<Theme>;
  readonly children: ReactNode;
}) {
  return (
    <Box
      role="region"
      aria-label={label}
      tabIndex={0}
      sx={[
        {
          '&:focus-visible': {
            outline: 2,
            outlineStyle: 'solid',
            outlineColor: 'primary.main',
            outlineOffset: 2,
          },
        },
        ...(Array.isArray(sx) ? sx : [sx]),
      ]}
    >
      {children}
    </Box>
  );
}
