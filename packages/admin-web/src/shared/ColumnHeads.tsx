import TableCell from '@mui/material/TableCell';

/** A list table's column headings, one per column, never wrapped; the `numeric` ones (amounts) align right. */
export function ColumnHeads<C extends string>({
  columns,
  heading,
  numeric = [],
}: {
  columns: readonly C[];
  heading: (column: C) => string;
  numeric?: readonly C[];
}) {
  return columns.map((column) => (
    <TableCell key={column} align={numeric.includes(column) ? 'right' : 'left'} sx={{ whiteSpace: 'nowrap' }}>
      {heading(column)}
    </TableCell>
  ));
}
