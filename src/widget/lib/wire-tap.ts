// A seam for the diagnostics view: the protocol clients tell it what they send and receive, as it
// arrives, before any check. Nobody listens unless the diagnostics view does (?mode=diagnostics).
export type WireVia = 'scapi' | 'cometd' | 'ucs';
export type WireDir = 'in' | 'out';
export interface WireExtra {
  channel?: string;
  status?: number;
  origin?: string;
}
export type WireTap = (via: WireVia, dir: WireDir, data: unknown, extra?: WireExtra) => void;

let listener: WireTap | null = null;

export function setWireTap(tap: WireTap | null): void {
  listener = tap;
}

export const tapWire: WireTap = (via, dir, data, extra) => listener?.(via, dir, data, extra);
