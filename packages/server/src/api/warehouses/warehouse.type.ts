import type { Region, WarehouseCapability } from '@oms/schema';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RegionEnum, WarehouseCapabilityEnum } from '../enums.js';

/** Stock of one sku at a warehouse. */
@ObjectType('StockLevel')
export class StockLevelType {
  @Field(() => String) sku: string;
  @Field(() => Int) onHand: number;
  @Field(() => Int) reserved: number;
  @Field(() => Int, { description: 'onHand − reserved' }) available: number;
}

/** A warehouse (docs/api.md `warehouses`). */
@ObjectType('Warehouse')
export class WarehouseType {
  @Field(() => ID) id: string;
  @Field(() => String) code: string;
  @Field(() => String) name: string;
  @Field(() => RegionEnum) region: Region;
  @Field(() => String) province: string;
  @Field(() => String) city: string;
  @Field(() => String) address: string;
  @Field(() => String) branch: string;
  @Field(() => Boolean) active: boolean;
  @Field(() => [WarehouseCapabilityEnum]) capabilities: WarehouseCapability[];
  @Field(() => Int, { description: 'SLA: dispatched → accepted within this many minutes' })
  slaAcceptMinutes: number;
  // cutoffLocalTime, endpointUrl and hasSecret are resolved in warehouse.resolver.ts.
  @Field(() => [StockLevelType], { description: 'by sku' }) stock: StockLevelType[];
}
