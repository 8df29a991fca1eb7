/** Minimal logger the stores accept (pino-compatible). */
export interface StoreLogger {
  warn(obj: object, msg: string): void;
  error?(obj: object, msg: string): void;
}
