import Table from '@mui/material/Table';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPage } from '@/testing/render';
import { ColumnHeads } from './ColumnHeads';

afterEach(cleanup);

describe('ColumnHeads', () => {
  it('heads each column in order and aligns the numeric ones right', () => {
    renderPage(
      <Table>
        <TableHead>
          <TableRow>
            <ColumnHeads
              columns={['number', 'payable']}
              heading={(c) => ({ number: '订单号', payable: '应付' })[c]}
              numeric={['payable']}
            />
          </TableRow>
        </TableHead>
      </Table>,
      { path: '/', url: '/' },
    );
    const heads = screen.getAllByRole('columnheader');
    expect(heads.map((h) => h.textContent)).toEqual(['订单号', '应付']);
    expect(heads.map((h) => h.classList.contains('MuiTableCell-alignRight'))).toEqual([false, true]);
  });
});
