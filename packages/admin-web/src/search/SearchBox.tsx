import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import InputBase from '@mui/material/InputBase';
import { alpha } from '@mui/material/styles';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { registerSearchBox } from './shortcut';
import { searchUrl } from './urls';

/**
 * The one search box, in the app bar on every page: Enter (or the button) opens the search page for it, which
 * goes straight to the order when there is one match. Ctrl/⌘+K focuses it from anywhere.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const urlQuery = location.pathname === '/' ? (new URLSearchParams(location.search).get('q') ?? '') : null;
  const [value, setValue] = useState(urlQuery ?? '');

  useEffect(() => {
    if (urlQuery !== null) setValue(urlQuery);
  }, [urlQuery]);

  useEffect(
    () =>
      registerSearchBox(() => {
        input.current?.focus();
        input.current?.select();
      }),
    [],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = value.trim();
    if (!query) {
      input.current?.focus();
      return;
    }
    navigate(searchUrl(query));
  };

  return (
    <Box
      component="form"
      role="search"
      onSubmit={submit}
      sx={(theme) => ({
        display: 'flex',
        alignItems: 'center',
        flex: '0 1 26rem',
        // It gives way first when the bar is full (English, a role with every section, 1280 px).
        minWidth: '10rem',
        borderRadius: 1,
        // A dark tint keeps the white text at WCAG AA contrast (a white tint over the primary bar gave 3:1).
        bgcolor: alpha(theme.palette.common.black, 0.2),
        '&:focus-within': { bgcolor: alpha(theme.palette.common.black, 0.3) },
      })}
    >
      <InputBase
        inputRef={input}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder={t('search.placeholder')}
        sx={{ color: 'inherit', flex: 1, pl: 1.5, '& input::placeholder': { opacity: 0.85 } }}
        slotProps={{
          input: {
            'aria-label': t('search.label'),
            'aria-keyshortcuts': 'Control+K Meta+K',
            'data-testid': 'search-input',
            autoComplete: 'off',
            spellCheck: false,
            type: 'search',
          } as React.InputHTMLAttributes<HTMLInputElement>,
        }}
      />
      <IconButton type="submit" color="inherit" aria-label={t('search.submit')} data-testid="search-submit">
        <SearchIcon />
      </IconButton>
    </Box>
  );
}
