import { describe, expect, it } from 'vitest';
import {
  EMPTY_FORM,
  fieldOfServerError,
  formOf,
  formProblems,
  inputOf,
  withProvince,
  type WarehouseFormValues,
} from './warehouseForm';

const XIAN: WarehouseFormValues = {
  ...EMPTY_FORM,
  code: 'XA01',
  name: '西安仓',
  region: 'NORTHWEST',
  province: '陕西省',
  city: '西安市',
  address: '港务大道 99 号',
  capabilities: ['OVERSIZE'],
  slaAcceptMinutes: '45',
  cutoffLocalTime: '17:30',
  endpointUrl: 'https://wms.example.com/xa01',
  secret: 'a-secret-of-24-characters',
};

describe('the warehouse form', () => {
  it('has nothing to say about a complete new warehouse, and sends it trimmed', () => {
    expect(formProblems(XIAN, true)).toEqual({});
    expect(inputOf({ ...XIAN, name: ' 西安仓 ', secret: ' a-secret-of-24-characters ' }, ' 开仓 ')).toEqual({
      code: 'XA01',
      name: '西安仓',
      region: 'NORTHWEST',
      province: '陕西省',
      city: '西安市',
      address: '港务大道 99 号',
      branch: '',
      capabilities: ['OVERSIZE'],
      active: true,
      slaAcceptMinutes: 45,
      cutoffLocalTime: '17:30',
      endpointUrl: 'https://wms.example.com/xa01',
      secret: 'a-secret-of-24-characters',
      reason: '开仓',
    });
  });

  it('names every gap at once: required fields, HH:mm, whole minutes, http(s), the secret of a new one', () => {
    expect(formProblems(EMPTY_FORM, true)).toEqual({
      code: 'required',
      name: 'required',
      region: 'required',
      province: 'required',
      city: 'required',
      address: 'required',
      endpointUrl: 'required',
      secret: 'required',
    });
    expect(
      formProblems(
        {
          ...XIAN,
          code: 'xa 01',
          cutoffLocalTime: '7:5',
          slaAcceptMinutes: '1.5',
          endpointUrl: 'ftp://x',
          secret: 'short',
        },
        true,
      ),
    ).toEqual({
      code: 'badCode',
      cutoffLocalTime: 'badCutoff',
      slaAcceptMinutes: 'badSla',
      endpointUrl: 'badUrl',
      secret: 'badSecret',
    });
    expect(formProblems({ ...XIAN, cutoffLocalTime: '24:00', slaAcceptMinutes: '0' }, true)).toEqual({
      cutoffLocalTime: 'badCutoff',
      slaAcceptMinutes: 'badSla',
    });
  });

  it('keeps the stored secret on an edit left empty: not asked for, sent as null', () => {
    const edit = { ...XIAN, secret: '' };
    expect(formProblems(edit, false)).toEqual({});
    expect(inputOf(edit).secret).toBeNull();
    // Unless the warehouse has none yet.
    expect(formProblems(edit, false, true)).toEqual({ secret: 'required' });
  });

  it('starts an edit from the warehouse as it is, the secret empty', () => {
    const values = formOf({
      __typename: 'Warehouse',
      id: '7',
      code: 'XA01',
      name: '西安仓',
      region: 'NORTHWEST',
      province: '陕西省',
      city: '西安市',
      address: '港务大道 99 号',
      branch: '西北分公司',
      active: false,
      capabilities: ['OVERSIZE'],
      slaAcceptMinutes: 45,
      cutoffLocalTime: '17:30',
      endpointUrl: null,
      hasSecret: true,
    });
    expect(values).toMatchObject({ slaAcceptMinutes: '45', endpointUrl: '', secret: '', active: false });
  });

  it('fills in the region of a province unless one was chosen', () => {
    expect(withProvince(EMPTY_FORM, '广东省').region).toBe('SOUTH');
    expect(withProvince({ ...EMPTY_FORM, region: 'NORTHEAST' }, '内蒙古自治区').region).toBe('NORTHEAST');
  });

  it('points a server refusal at its field', () => {
    expect(fieldOfServerError('cutoffLocalTime')).toBe('cutoffLocalTime');
    expect(fieldOfServerError('capabilities[1]')).toBe('capabilities');
    expect(fieldOfServerError('reason')).toBeNull();
    expect(fieldOfServerError(undefined)).toBeNull();
  });
});
