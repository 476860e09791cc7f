import { createTheme } from '@mui/material/styles';

/**
 * The default Material theme, with the two palette colours whose default shades fall short of WCAG AA contrast
 * against white text (info, warning) taken one step darker. System fonts first, with CJK fallbacks.
 */
export const theme = createTheme({
  palette: {
    info: { main: '#0277bd' },
    warning: { main: '#a35200' },
  },
  typography: {
    fontFamily: [
      '-apple-system',
      'BlinkMacSystemFont',
      '"Segoe UI"',
      'Roboto',
      '"PingFang SC"',
      '"Hiragino Sans GB"',
      '"Microsoft YaHei"',
      '"Noto Sans CJK SC"',
      'sans-serif',
    ].join(','),
  },
});

/** Monospace for numbers people read out on the phone (order, tracking and transaction numbers). */
export const MONO = '"SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace';
