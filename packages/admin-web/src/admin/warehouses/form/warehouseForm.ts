import { parseLocalTime, regionOfProvince } from '@oms/schema';
import type { WarehouseAdminTable_WarehousesFragment } from '@/gql/graphql';
import type { Region, UpsertWarehouseInput, WarehouseCapability } from '@/gql/schema';

/** The warehouse form as typed: text as text, so a half-typed number or time stays what the person typed. */
export interface WarehouseFormValues {
  readonly code: string;
  readonly name: string;
  readonly region: Region | '';
  readonly province: string;
  readonly city: string;
  readonly address: string;
  readonly branch: string;
  readonly capabilities: readonly WarehouseCapability[];
  readonly active: boolean;
  readonly slaAcceptMinutes: string;
  readonly cutoffLocalTime: string;
  readonly endpointUrl: string;
  /** Write-only: empty on an edit means "keep the stored one". */
  readonly secret: string;
}

/** One field of the form. */
export type WarehouseFormField = keyof WarehouseFormValues;

/** Why a field cannot be sent as it is (the key of its wording under `adminWarehouses.form`). */
export type FieldProblem = 'required' | 'badCutoff' | 'badSla' | 'badUrl' | 'badSecret' | 'badCode';

/** A new warehouse's form: active, the demo network's usual SLA and cut-off as a start. */
export const EMPTY_FORM: WarehouseFormValues = {
  code: '',
  name: '',
  region: '',
  province: '',
  city: '',
  address: '',
  branch: '',
  capabilities: [],
  active: true,
  slaAcceptMinutes: '30',
  cutoffLocalTime: '11:00',
  endpointUrl: '',
  secret: '',
};

/** The form of a warehouse as it is now (its secret never comes back: the field starts empty). */
export function formOf(warehouse: WarehouseAdminTable_WarehousesFragment): WarehouseFormValues {
  return {
    code: warehouse.code,
    name: warehouse.name,
    region: warehouse.region,
    province: warehouse.province,
    city: warehouse.city,
    address: warehouse.address,
    branch: warehouse.branch,
    capabilities: warehouse.capabilities,
    active: warehouse.active,
    slaAcceptMinutes: String(warehouse.slaAcceptMinutes),
    cutoffLocalTime: warehouse.cutoffLocalTime,
    endpointUrl: warehouse.endpointUrl ?? '',
    secret: '',
  };
}

/** Picking a province fills in its region, unless a region was chosen already. */
export function withProvince(values: WarehouseFormValues, province: string): WarehouseFormValues {
  return { ...values, province, region: values.region || regionOfProvince(province) || '' };
}

const CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

/**
 * What the form can tell before sending, so a person sees every gap at once; the server checks everything again and
 * has the last word (its refusal names the field, `fieldOfServerError`). The cut-off is read by the same
 * `parseLocalTime` the server uses.
 */
export function formProblems(
  values: WarehouseFormValues,
  isNew: boolean,
  /** whether a secret must be typed: a new warehouse, or one that has none yet */
  needsSecret: boolean = isNew,
): Partial<Record<WarehouseFormField, FieldProblem>> {
  const problems: Partial<Record<WarehouseFormField, FieldProblem>> = {};
  for (const field of ['code', 'name', 'region', 'province', 'city', 'address', 'endpointUrl'] as const)
    if (!values[field].trim()) problems[field] = 'required';
  if (isNew && values.code.trim() && !CODE.test(values.code.trim())) problems.code = 'badCode';
  const sla = Number(values.slaAcceptMinutes.trim());
  if (!/^\d+$/.test(values.slaAcceptMinutes.trim()) || sla < 1 || sla > 1440)
    problems.slaAcceptMinutes = 'badSla';
  if (parseLocalTime(values.cutoffLocalTime.trim()) === null) problems.cutoffLocalTime = 'badCutoff';
  if (values.endpointUrl.trim() && !/^https?:\/\/\S+$/i.test(values.endpointUrl.trim()))
    problems.endpointUrl = 'badUrl';
  const secret = values.secret.trim();
  if (needsSecret && !secret) problems.secret = 'required';
  else if (secret && (secret.length < 16 || secret.length > 256)) problems.secret = 'badSecret';
  return problems;
}

/** The mutation's input, trimmed; an empty secret is left out (the stored one is kept). */
export function inputOf(values: WarehouseFormValues, reason?: string): UpsertWarehouseInput {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    region: values.region as Region,
    province: values.province.trim(),
    city: values.city.trim(),
    address: values.address.trim(),
    branch: values.branch.trim(),
    capabilities: [...values.capabilities],
    active: values.active,
    slaAcceptMinutes: Number(values.slaAcceptMinutes.trim()),
    cutoffLocalTime: values.cutoffLocalTime.trim(),
    endpointUrl: values.endpointUrl.trim(),
    secret: values.secret.trim() || null,
    reason: reason?.trim() || null,
  };
}

/** The form field a server refusal names (`extensions.field`, e.g. `capabilities[1]`), when it is one of the form's. */
export function fieldOfServerError(field: unknown): WarehouseFormField | null {
  if (typeof field !== 'string') return null;
  const name = field.replace(/\[\d+\]$/, '');
  return Object.hasOwn(EMPTY_FORM, name) ? (name as WarehouseFormField) : null;
}
