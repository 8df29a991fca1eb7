import type { QuarantinedRecord, RecordKind } from '../../domain/quarantine.ts';
import type { Clock } from '../../domain/types.ts';
import type { StoreLogger } from '../logger.ts';
import { quarantined } from '../quarantine.ts';
import { recordProblems } from '../records.ts';
import type { JournaledWrite, OperatorOp, OpApplier } from './ops.ts';

/** The embedded store's quarantine: records that failed validation when the snapshot or journal was loaded. */
export class MemoryQuarantine implements OpApplier {
  private readonly records = new Map<string, QuarantinedRecord>();

  constructor(
    private readonly clock: Clock,
    private readonly log: StoreLogger | undefined,
    private readonly write: JournaledWrite,
  ) {}

  async list(): Promise<QuarantinedRecord[]> {
    return [...this.records.values()].map((q) => structuredClone(q));
  }

  async delete(id: string): Promise<boolean> {
    if (!this.records.has(id)) return false;
    await this.write({ op: 'deleteQuarantined', id });
    return true;
  }

  apply(op: OperatorOp): boolean {
    if (op.op !== 'deleteQuarantined') return false;
    this.records.delete(op.id);
    return true;
  }

  /**
   * True when `value` is a valid record of `kind`; otherwise it is quarantined (logged once per
   * record) and false is returned, so the caller skips it.
   */
  readonly admit = (kind: RecordKind, location: string, value: unknown): boolean => {
    const problems = recordProblems(kind, value);
    if (problems === null) return true;
    const record = quarantined(kind, location, value, problems, this.clock.now());
    if (!this.records.has(record.id)) {
      this.records.set(record.id, record);
      this.log?.warn({ quarantineId: record.id, kind, location, problems }, 'malformed record quarantined; everything else keeps working');
    }
    return false;
  };

  snapshot(): QuarantinedRecord[] {
    return [...this.records.values()];
  }

  load(records: unknown[]): void {
    for (const q of records) {
      const record = q as QuarantinedRecord;
      if (record && typeof record.id === 'string') this.records.set(record.id, record);
    }
  }
}
