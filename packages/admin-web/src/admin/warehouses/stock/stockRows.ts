/** One stock level as the dialog lists it. */
export interface StockRow {
  readonly sku: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly available: number;
}

/** The levels whose sku contains `filter` (any case, spaces ignored at the ends), by sku. */
export function stockRows(stock: readonly StockRow[], filter: string): StockRow[] {
  const wanted = filter.trim().toLowerCase();
  return stock
    .filter((row) => !wanted || row.sku.toLowerCase().includes(wanted))
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}
