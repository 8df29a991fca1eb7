import type { MaintenanceWindow } from '../../domain/types.ts';
import type { WindowsPort } from '../ports.ts';
import type { Admit, JournaledWrite, OperatorOp, OpApplier } from './ops.ts';

/** Maintenance windows and notices of the embedded store; writes are journaled (operators enter windows too). */
export class MemoryWindows implements WindowsPort, OpApplier {
  private readonly windows = new Map<string, MaintenanceWindow>();

  constructor(private readonly write: JournaledWrite) {}

  async putWindows(windows: MaintenanceWindow[]): Promise<void> {
    if (windows.length > 0) await this.write({ op: 'windows', windows: structuredClone(windows) });
  }

  async getWindows(): Promise<MaintenanceWindow[]> {
    return [...this.windows.values()].map((w) => structuredClone(w));
  }

  async pruneWindows(before: number): Promise<void> {
    if ([...this.windows.values()].some((w) => (w.end ?? w.updatedAt) < before)) await this.write({ op: 'pruneWindows', before });
  }

  apply(op: OperatorOp): boolean {
    if (op.op === 'windows') {
      for (const w of op.windows) this.windows.set(w.id, w);
      return true;
    }
    if (op.op === 'pruneWindows') {
      for (const [id, w] of this.windows) if ((w.end ?? w.updatedAt) < op.before) this.windows.delete(id);
      return true;
    }
    return false;
  }

  snapshot(): MaintenanceWindow[] {
    return [...this.windows.values()];
  }

  load(windows: unknown[], file: string, admit: Admit): void {
    for (const w of windows) if (admit('window', `${file}#windows`, w)) this.windows.set((w as MaintenanceWindow).id, w as MaintenanceWindow);
  }
}
