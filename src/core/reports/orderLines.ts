/**
 * Line keys for order exports whose rows have no line id of their own (SPEC §2a "Line keys"). Shopify lists one
 * variant of an order on two rows when their line properties differ, and Walmart files without `Line#` split a
 * quantity into rows of one: real lines, not copies. An order's rows are contiguous in these exports, so the n-th row
 * of a SKU among its order's rows is that order's n-th line of the SKU — and a copy of the order pasted again (in
 * another tab, another block or below in the same block) gives its rows the same keys, so it counts once. A copy
 * pasted right below the order's own rows would continue its run; where the export marks an order's first row
 * (Shopify fills the order-level cells there only), that row starts the order's rows afresh.
 */
export class LineKeysByPlace {
  private orderId: string | null = null;
  private block = '';
  private readonly rowsOfSku = new Map<string, number>();

  /** The key of a row of `orderId` with `sku`, in export block `block`; `firstOfOrder` when the row says so. */
  next(orderId: string, block: string, sku: string, firstOfOrder = false): string {
    if (firstOfOrder || orderId !== this.orderId || block !== this.block) {
      this.orderId = orderId;
      this.block = block;
      this.rowsOfSku.clear();
    }
    const place = (this.rowsOfSku.get(sku) ?? 0) + 1;
    this.rowsOfSku.set(sku, place);
    return place === 1 ? sku : `${sku}#${place}`;
  }
}
