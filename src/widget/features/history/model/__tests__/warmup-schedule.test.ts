import { describe, expect, it } from 'vitest';
import { warmupSchedule } from '../warmup-schedule';

describe('warmupSchedule', () => {
  it('ring: warms the first call, then only once the site went unused for an interval', () => {
    const schedule = warmupSchedule('ring', 30_000, 0);
    expect(schedule.onRing(1_000)).toBe(true);
    expect(schedule.onRing(2_000)).toBe(false);
    schedule.used(20_000); // a history page loaded
    expect(schedule.onRing(45_000)).toBe(false);
    expect(schedule.onRing(50_001)).toBe(true);
    expect(schedule.onTick(200_000)).toBe(false);
  });

  it('idle: also one warm-up per interval while no call comes, never more', () => {
    const schedule = warmupSchedule('idle', 30_000, 0);
    const warmed = [10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000].filter((at) =>
      schedule.onTick(at),
    );
    expect(warmed).toEqual([10_000, 50_000]);
    expect(schedule.onRing(60_000)).toBe(false);
  });

  it('off: never', () => {
    const schedule = warmupSchedule('off', 30_000, 0);
    expect([schedule.onRing(1e9), schedule.onTick(2e9)]).toEqual([false, false]);
  });
});
