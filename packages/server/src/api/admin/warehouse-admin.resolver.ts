import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { WarehouseEntity } from '../../entities/index.js';
import { staffOf, type RequestContext } from '../context.js';
import { WarehouseType } from '../warehouses/warehouse.type.js';
import { UpsertWarehouseInput } from './upsert-warehouse.input.js';

/** Administration of warehouses (docs/api.md "Administration": upsertWarehouse). */
@Resolver()
export class WarehouseAdminResolver {
  @Authorized('ADMINISTER')
  @Mutation(() => WarehouseType, {
    description: 'creates a warehouse, or edits the one with that code (also taking it offline); audited',
  })
  upsertWarehouse(
    @Arg('input', () => UpsertWarehouseInput) input: UpsertWarehouseInput,
    @Ctx() context: RequestContext,
  ): Promise<WarehouseEntity> {
    return context.services.warehouseAdmin.upsert(staffOf(context), input, context.address);
  }
}
