import type { Region, WarehouseCapability } from '@oms/schema';
import { Field, InputType, Int } from 'type-graphql';
import type { UpsertWarehouseRequest } from '../../services/warehouses/warehouse-admin.service.js';
import { RegionEnum, WarehouseCapabilityEnum } from '../enums.js';

/** docs/api.md Contract details "Administration shapes": `upsertWarehouse`. */
@InputType('UpsertWarehouseInput')
export class UpsertWarehouseInput implements UpsertWarehouseRequest {
  @Field(() => String, { description: 'creates the warehouse with this code, or edits the one that has it' })
  code: string;
  @Field(() => String) name: string;
  @Field(() => RegionEnum, { description: 'the region (大区) routing counts it in' }) region: Region;
  @Field(() => String, { description: 'a province-level division as written in addresses, e.g. 北京市' })
  province: string;
  @Field(() => String) city: string;
  @Field(() => String) address: string;
  @Field(() => [WarehouseCapabilityEnum]) capabilities: WarehouseCapability[];
  @Field(() => Boolean, {
    description:
      'false takes it offline: no new sub-orders are routed or reassigned to it; those it has stay until staff move them',
  })
  active: boolean;
  @Field(() => Int, { description: 'SLA: a dispatch is accepted within this many minutes (1–1440)' })
  slaAcceptMinutes: number;
  @Field(() => String, {
    description: 'the daily cut-off, HH:mm Asia/Shanghai: paid before it, shipped by the end of that day',
  })
  cutoffLocalTime: string;
  @Field(() => String, { description: 'http(s) URL its dispatches, cancels and intercepts are posted to' })
  endpointUrl: string;
  @Field(() => String, {
    nullable: true,
    description:
      'signs both directions (16–256 characters); required for a new warehouse, kept as it is when left out',
  })
  secret?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'the company branch it belongs to (cost accounting); kept as it is when left out',
  })
  branch?: string | null;
  @Field(() => String, { nullable: true, description: 'why, for the audit log' })
  reason?: string | null;
}
