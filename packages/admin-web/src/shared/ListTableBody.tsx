import Skeleton from '@mui/material/Skeleton';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import type { ReactNode } from 'react';
import { ErrorState } from './States';

/**
 * The body of a list's table. `rows` is undefined until the first page has arrived: skeleton rows (hidden from
 * screen readers) while it loads; with no rows, one row across every column says why (the error with a retry, else
 * `empty`).
 */
export function ListTableBody({
  rows,
  loading,
  columns,
  skeletonRows,
  error,
  onRetry,
  empty,
}: {
  rows: readonly ReactNode[] | undefined;
  loading: boolean;
  columns: number;
  skeletonRows: number;
  error: unknown;
  onRetry: () => void;
  empty: ReactNode;
}) {
  let body;
  if (!rows && loading) {
    body = Array.from({ length: skeletonRows }, (_, row) => (
      <TableRow key={`skeleton-${row}`} aria-hidden>
        {Array.from({ length: columns }, (_, cell) => (
          <TableCell key={cell}>
            <Skeleton variant="text" />
          </TableCell>
        ))}
      </TableRow>
    ));
  } else if (!rows || rows.length === 0) {
    body = (
      <TableRow>
        <TableCell colSpan={columns}>
          {error ? <ErrorState error={error} onRetry={onRetry} /> : empty}
        </TableCell>
      </TableRow>
    );
  } else {
    body = rows;
  }
  return <TableBody>{body}</TableBody>;
}
