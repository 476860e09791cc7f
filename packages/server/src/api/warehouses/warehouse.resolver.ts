import { formatLocalTime } from '@oms/schema';
import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { WarehouseEntity } from '../../entities/index.js';
import type { RequestContext } from '../context.js';
import { selectEntities } from '../../database/select-entities.js';
import { StockLevelType, WarehouseType } from './warehouse.type.js';

/** Warehouses and their stock (docs/api.md `warehouses`). */
@Resolver(() => WarehouseType)
export class WarehouseResolver {
  @Authorized('ORDER_READ')
  @Query(() => [WarehouseType])
  warehouses(@Ctx() { db }: RequestContext): Promise<WarehouseEntity[]> {
    // Every console filter bar asks for this list: plain SQL rather than a query built per request.
    return selectEntities(
      db,
      WarehouseEntity,
      "SELECT to_jsonb(w) AS row FROM warehouses w WHERE w.kind = 'WAREHOUSE' ORDER BY w.code",
      [],
    );
  }

  @FieldResolver(() => String, {
    description:
      'the daily cut-off, HH:mm Asia/Shanghai: a sub-order paid before it ships by the end of that day, else the next',
  })
  cutoffLocalTime(@Root() warehouse: WarehouseEntity): string {
    return formatLocalTime(warehouse.cutoffMinute);
  }

  @Authorized('ADMINISTER')
  @FieldResolver(() => String, {
    nullable: true,
    description: 'where its dispatches, cancels and intercepts are posted (admins only)',
  })
  endpointUrl(@Root() warehouse: WarehouseEntity): string | null {
    return warehouse.endpointUrl;
  }

  @FieldResolver(() => Boolean, {
    description: 'whether it has a signing secret (the secret is never shown)',
  })
  hasSecret(@Root() warehouse: WarehouseEntity): boolean {
    return !!warehouse.secret;
  }

  @FieldResolver(() => [StockLevelType])
  async stock(
    @Root() warehouse: WarehouseEntity,
    @Ctx() { loaders }: RequestContext,
  ): Promise<StockLevelType[]> {
    const rows = await loaders.stockByWarehouse.load(warehouse.id);
    return rows.map((s) => ({
      sku: s.sku,
      onHand: s.onHand,
      reserved: s.reserved,
      available: s.onHand - s.reserved,
    }));
  }
}
