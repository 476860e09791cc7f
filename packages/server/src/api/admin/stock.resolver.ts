import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { WarehouseEntity } from '../../entities/index.js';
import { recordAudit } from '../../services/helpers/history.js';
import { staffOf, type RequestContext } from '../context.js';
import { domainError, badInput } from '../../errors/domain-error.js';
import { WarehouseType } from '../warehouses/warehouse.type.js';

@InputType('SetStockInput')
export class SetStockInput {
  @Field(() => String) warehouseCode: string;
  @Field(() => String) sku: string;
  @Field(() => Int, { description: 'units on hand; never below what is reserved' }) onHand: number;
}

/** Administration of stock levels (api.md "Administration": setStock). */
@Resolver()
export class StockResolver {
  @Authorized('ADMINISTER')
  @Mutation(() => WarehouseType, { description: 'sets the units on hand of one sku at one warehouse' })
  async setStock(
    @Arg('input', () => SetStockInput) input: SetStockInput,
    @Ctx() context: RequestContext,
  ): Promise<WarehouseEntity> {
    if (!Number.isSafeInteger(input.onHand) || input.onHand < 0)
      throw badInput('onHand', 'must be a whole number ≥ 0');
    const sku = input.sku.trim();
    if (!sku || sku.length > 64) throw badInput('sku', '1–64 characters');
    return context.db.transaction(async (manager) => {
      const warehouse = await manager
        .getRepository(WarehouseEntity)
        .findOne({ where: { code: input.warehouseCode.trim() } });
      if (!warehouse) throw domainError('NOT_FOUND', `No warehouse ${input.warehouseCode}.`);
      const [row]: { reserved: number }[] = await manager.query(
        'SELECT reserved FROM stock WHERE warehouse_id = $1 AND sku = $2 FOR UPDATE',
        [warehouse.id, sku],
      );
      if (row && input.onHand < row.reserved)
        throw badInput('onHand', `${row.reserved} units are reserved; on hand cannot go below that`);
      await manager.query(
        'INSERT INTO stock (warehouse_id, sku, on_hand, reserved) VALUES ($1, $2, $3, 0) ON CONFLICT (warehouse_id, sku) DO UPDATE SET on_hand = EXCLUDED.on_hand',
        [warehouse.id, sku, input.onHand],
      );
      await recordAudit(manager, {
        staff: staffOf(context),
        action: 'SET_STOCK',
        after: { warehouse: warehouse.code, sku, onHand: input.onHand },
        reason: `stock of ${sku} at ${warehouse.code}`,
        address: context.address,
      });
      return warehouse;
    });
  }
}
