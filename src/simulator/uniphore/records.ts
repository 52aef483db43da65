// Which caller attribute values Uniphore knows, and the Interact session (unique ID) each leads to.
import type { Attribute } from '../../shared/lookup-constants';
import { newUniqueId } from '../ids';

export interface UniphoreRecord {
  attribute: Attribute;
  value: string;
  uniqueId: string;
}

/** The documented examples (reference/000) and a few demo callers. */
export const SEED_RECORDS: readonly UniphoreRecord[] = [
  { attribute: 'dtmf', value: '4567', uniqueId: '4df73e86-b7df-45da-b823-ed1f980d430b' },
  { attribute: 'callReturn', value: '2121234567', uniqueId: '0b9f8a35-2d4e-4c61-9b0a-6f1e2d3c4b5a' },
  { attribute: 'clickToCall', value: '+12121234567', uniqueId: '7c2e9d41-8a3b-4f5c-a6d7-e8f9a0b1c2d3' },
  {
    attribute: 'historySearchId',
    value: '744907dd90-6b2e7b816f538cd',
    uniqueId: 'd3c2b1a0-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
  },
  { attribute: 'historySearchId', value: '0523331010', uniqueId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d' },
  { attribute: 'callReturn', value: '+14155550100', uniqueId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' },
  { attribute: 'clickToCall', value: '+14155550100', uniqueId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' },
  { attribute: 'dtmf', value: '1234', uniqueId: 'f0e1d2c3-b4a5-4968-8776-655443322110' },
];

export class RecordStore {
  private readonly records = new Map<string, UniphoreRecord>();

  constructor() {
    this.reset();
  }

  private static key(attribute: string, value: string): string {
    return `${attribute}\u0000${value}`;
  }

  find(attribute: string, value: string): string | undefined {
    return this.records.get(RecordStore.key(attribute, value))?.uniqueId;
  }

  knows(uniqueId: string): boolean {
    for (const record of this.records.values()) if (record.uniqueId === uniqueId) return true;
    return false;
  }

  add(attribute: Attribute, value: string, uniqueId: string = newUniqueId()): UniphoreRecord {
    const record = { attribute, value, uniqueId };
    this.records.set(RecordStore.key(attribute, value), record);
    return record;
  }

  list(): UniphoreRecord[] {
    return [...this.records.values()];
  }

  clear(): void {
    this.records.clear();
  }

  reset(): void {
    this.records.clear();
    for (const record of SEED_RECORDS)
      this.records.set(RecordStore.key(record.attribute, record.value), record);
  }
}
