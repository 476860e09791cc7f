import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '@/app/LanguageSwitch';
import { LoginDocument } from '@/gql/graphql';
import { errorMessage, hasErrorCode, isNetworkError } from '@/shared/errors';
import { usePageTitle } from '@/shared/usePageTitle';
import { safeNext } from './urls';

type Problem = 'required' | 'wrongCredentials' | 'rateLimited' | 'network' | { message: string };

/** Username and password; afterwards, the page the person asked for (or the search page). */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [login, { loading }] = useMutation(LoginDocument);
  usePageTitle(t('login.title'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setProblem('required');
      return;
    }
    setProblem(null);
    try {
      await login({ variables: { username: username.trim(), password } });
    } catch (error) {
      if (hasErrorCode(error, 'RATE_LIMITED')) setProblem('rateLimited');
      else if (hasErrorCode(error, 'UNAUTHENTICATED')) setProblem('wrongCredentials');
      else if (isNetworkError(error)) setProblem('network');
      else setProblem({ message: errorMessage(error) });
      setPassword('');
      return;
    }
    // Whatever was cached belonged to no one (or someone else): start clean as the new staff member.
    await client.clearStore();
    await navigate(safeNext(params.get('next')), { replace: true });
  };

  const problemText =
    problem === null
      ? null
      : problem === 'network'
        ? t('errors.network')
        : typeof problem === 'string'
          ? t(`login.${problem}`)
          : t('errors.generic', { message: problem.message });

  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'grey.100', p: 2 }}
    >
      <Paper component="section" sx={{ p: 4, width: '100%', maxWidth: 400 }} aria-labelledby="login-title">
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', mb: 1 }}>
          <LanguageSwitch />
        </Box>
        <Typography id="login-title" component="h1" variant="h5" sx={{ mb: 3 }}>
          {t('login.title')}
        </Typography>
        <Box component="form" onSubmit={(e) => void submit(e)} noValidate>
          {problemText ? (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="login-error" role="alert">
              {problemText}
            </Alert>
          ) : null}
          <TextField
            id="login-username"
            label={t('login.username')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            autoFocus
            required
            fullWidth
            margin="normal"
            slotProps={{
              htmlInput: { 'data-testid': 'login-username', autoCapitalize: 'none', spellCheck: false },
            }}
          />
          <TextField
            id="login-password"
            label={t('login.password')}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
            fullWidth
            margin="normal"
            slotProps={{ htmlInput: { 'data-testid': 'login-password' } }}
          />
          <Button
            type="submit"
            variant="contained"
            size="large"
            fullWidth
            disabled={loading}
            sx={{ mt: 3 }}
            data-testid="login-submit"
          >
            {loading ? t('login.submitting') : t('login.submit')}
          </Button>
        </Box>
      </Paper>
    </Box>
  );
}
