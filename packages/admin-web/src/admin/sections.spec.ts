import { describe, expect, it } from 'vitest';
import { navItemsFor } from '@/app/navigation';
import { adminSectionsFor } from './sections';

describe('the administration area', () => {
  it('shows admins every section, managers the audit log alone, and nobody else anything', () => {
    const paths = (role: Parameters<typeof adminSectionsFor>[0]) => adminSectionsFor(role).map((s) => s.path);
    expect(paths('ADMIN')).toEqual(['staff', 'api-keys', 'warehouses', 'payment-channels', 'audit']);
    expect(paths('MANAGER')).toEqual(['audit']);
    expect(paths('OPS')).toEqual([]);
    expect(paths('AGENT')).toEqual([]);
    expect(paths(null)).toEqual([]);
  });

  it('is in the main navigation exactly for the roles that may open one of its sections', () => {
    const listed = (role: Parameters<typeof navItemsFor>[0]) =>
      navItemsFor(role).some((i) => i.to === '/admin');
    expect([listed('AGENT'), listed('OPS'), listed('MANAGER'), listed('ADMIN')]).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});
