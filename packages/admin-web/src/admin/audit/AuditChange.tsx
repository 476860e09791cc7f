import Box from '@mui/material/Box';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { zhCN } from '@/app/i18n/zh-CN';
import { visuallyHidden } from '@/shared/a11y';
import { enumLabel } from '@/shared/enumLabel';
import { changeLines } from './changes';

/** A field's name in words when the dictionaries have it, else as the row holds it. */
function fieldName(t: TFunction, field: string): string {
  return Object.hasOwn(zhCN.auditLog.field, field)
    ? (t as unknown as (key: string) => string)(`auditLog.field.${field}`)
    : field;
}

/** A value in words: roles and scopes worded, yes/no, lists joined, anything else as compact JSON. */
function shown(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined) return t('common.none');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (field === 'role' && typeof value === 'string') return enumLabel(t, 'role', value);
  if (Array.isArray(value)) {
    const items = value.map((item) =>
      field === 'scopes' && typeof item === 'string' ? enumLabel(t, 'apiKeyScope', item) : shown(t, '', item),
    );
    return items.length ? items.join(t('common.listSeparator')) : t('common.none');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * An audit row's before and after, readably: one line per field, worded, "before → after" where it changed, the
 * subject of the change (unchanged fields such as the account's username) in quieter text.
 */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const lines = changeLines(before, after);
  if (lines.length === 0) return <>{t('auditLog.change.none')}</>;
  return (
    <Box
      component="dl"
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: 'auto 1fr',
        columnGap: 1,
        rowGap: 0.25,
        typography: 'body2',
      }}
      data-testid="audit-change"
    >
      {lines.map((line) => (
        <Box
          key={line.field}
          sx={{ display: 'contents', color: line.changed ? 'text.primary' : 'text.secondary' }}
        >
          <Box component="dt" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
            {fieldName(t, line.field)}
          </Box>
          <Box component="dd" sx={{ m: 0, wordBreak: 'break-word' }}>
            {'before' in line && 'after' in line && line.changed ? (
              <>
                <Box component="span" sx={visuallyHidden}>
                  {t('auditLog.change.before')}
                </Box>
                <Box component="span" sx={{ color: 'text.secondary', textDecoration: 'line-through' }}>
                  {shown(t, line.field, line.before)}
                </Box>
                <Box component="span" aria-hidden sx={{ mx: 0.5 }}>
                  →
                </Box>
                <Box component="span" sx={visuallyHidden}>
                  {t('auditLog.change.after')}
                </Box>
                <Box component="span" sx={{ fontWeight: 500 }}>
                  {shown(t, line.field, line.after)}
                </Box>
              </>
            ) : 'after' in line ? (
              shown(t, line.field, line.after)
            ) : (
              <>
                <Box component="span" sx={visuallyHidden}>
                  {t('auditLog.change.before')}
                </Box>
                <Box component="span" sx={{ textDecoration: 'line-through' }}>
                  {shown(t, line.field, line.before)}
                </Box>
              </>
            )}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
