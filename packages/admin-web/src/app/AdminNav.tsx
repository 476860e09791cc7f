import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import type { StaffRole } from '@/gql/schema';
import { adminNavItemsFor } from './navigation';

/**
 * The "管理" menu of the app bar: the administration pages the role may use (`ADMIN_NAV_ITEMS`), nothing for the
 * others. The button looks current while one of them is open.
 */
export function AdminNav({ role }: { role: StaffRole }) {
  const { t } = useTranslation();
  const location = useLocation();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const items = adminNavItemsFor(role);
  if (items.length === 0) return null;
  const current = items.some((item) => location.pathname.startsWith(item.to));
  return (
    <>
      <Button
        color="inherit"
        aria-haspopup="menu"
        aria-expanded={anchor ? true : undefined}
        aria-controls={anchor ? menuId : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        endIcon={<ArrowDropDownIcon aria-hidden />}
        data-testid="admin-nav"
        sx={{
          whiteSpace: 'nowrap',
          flexShrink: 0,
          px: 1.25,
          ...(current ? { bgcolor: 'rgba(0,0,0,0.22)', boxShadow: 'inset 0 -2px 0 currentColor' } : {}),
        }}
      >
        {t('app.nav.admin')}
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        slotProps={{ list: { 'aria-label': t('app.nav.adminMenu') } }}
      >
        {items.map((item) => (
          <MenuItem
            key={item.to}
            component={NavLink}
            to={item.to}
            selected={location.pathname.startsWith(item.to)}
            onClick={() => setAnchor(null)}
          >
            {t(item.key)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
