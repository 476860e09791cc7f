import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { WarehouseEntity } from '../../entities/index.js';
import type { SetStockRequest } from '../../services/warehouses/stock.service.js';
import { staffOf, type RequestContext } from '../context.js';
import { WarehouseType } from '../warehouses/warehouse.type.js';

@InputType('SetStockInput')
export class SetStockInput implements SetStockRequest {
  @Field(() => String) warehouseCode: string;
  @Field(() => String) sku: string;
  @Field(() => Int, { description: 'units on hand; never below what is reserved' }) onHand: number;
}

/** Administration of stock levels (docs/api.md "Administration": setStock). */
@Resolver()
export class StockResolver {
  @Authorized('ADMINISTER')
  @Mutation(() => WarehouseType, { description: 'sets the units on hand of one sku at one warehouse' })
  setStock(
    @Arg('input', () => SetStockInput) input: SetStockInput,
    @Ctx() context: RequestContext,
  ): Promise<WarehouseEntity> {
    return context.services.stock.set(staffOf(context), input, context.address);
  }
}
