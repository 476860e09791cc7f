import TranslateIcon from '@mui/icons-material/Translate';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import { useTranslation } from 'react-i18next';
import { currentLanguage, switchLanguage } from './i18n';

/** Switches between Chinese and English; the button names, in its own language, the language it switches to. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = currentLanguage(i18n) === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Tooltip title={t('app.language.label')} describeChild>
      <Button
        color="inherit"
        startIcon={<TranslateIcon aria-hidden />}
        onClick={() => void switchLanguage(i18n, other)}
        data-testid="language-switch"
        sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
      >
        <span lang={other}>{t('app.language.switchTo')}</span>
      </Button>
    </Tooltip>
  );
}
