// The console's heaviest reads, as the no-N+1 and query-plan tests send them.

/** Every field of the order page: what an agent's look-up costs. */
export const ORDER_DETAIL = `query($n: String!) { order(number: $n) {
  number status source type createdAt paidAt version held customerStatus
  customer { id nickname accountAgeDays } receiver { name phone province city district address }
  invoice { type title } amounts { goods { fen } freight { fen } payable { fen } }
  lines { sku title quantity salePrice { yuan } subOrderNumber allocations { couponDiscount { fen } cash { fen } } }
  subOrders { number status version held outOfStock dispatchState customerStatus
    warehouse { code name } warehouseHistory { warehouse { code } assignedAt releasedAt reason }
    lines { sku } amounts { payable { fen } }
    shipments { carrier { code name } trackingNumber node events { node context at location } }
    interceptions { rule status } allowedActions { action enabled reasonCode } }
  payments { method amount { fen } status transactionNo logs { status at reference } }
  giftCardUsages { cardNumber amount { fen } } pointsUsages { points value { fen } }
  refunds { method amount { fen } status } interceptions { rule status reason }
  timeline { id type at actor reason subOrderNumber before after }
  allowedActions { action enabled reason } } }`;

/** A page of the order list with what the list shows. */
export const ORDER_PAGE = `{ orders(first: 50) { edges { node { number status held createdAt
  amounts { payable { fen } } receiver { phone } subOrders { number status warehouse { code } } } } } }`;

/** The interception queue's first page as the console asks for it. */
export const QUEUE_PAGE = `query($f: InterceptionFilter) { interceptions(filter: $f, first: 50) {
  edges { cursor node { id orderNumber subOrderNumber rule reason evidence status raisedBy raisedAt expiresAt
    decidedBy decidedAt amount { yuan } } } pageInfo { hasNextPage endCursor } } }`;
