import { describe, expect, it } from 'vitest';
import type { PopReport } from '../../../shared/pop-report';
import { parseSamples, sampleValue } from '../../__tests__/support/prometheus-text';
import { Metrics, popSource, TIME_TO_POP_BUCKETS } from '../metrics';

const report = (
  outcome: PopReport['outcome'],
  totalMs: number,
  source?: string,
): Pick<PopReport, 'outcome' | 'source' | 'timings'> => ({ outcome, source, timings: { totalMs } });

const text = (metrics: Metrics) => metrics.registry.metrics();

describe('metrics', () => {
  it('puts each time to pop into the right bucket, by outcome', async () => {
    const metrics = new Metrics();
    metrics.popReported(report('found', 40, 'gws')); // ≤ 0.05
    metrics.popReported(report('found', 50, 'gws')); // ≤ 0.05 (bounds are inclusive)
    metrics.popReported(report('found', 51, 'wwe')); // ≤ 0.1
    metrics.popReported(report('found', 1_800, 'gws')); // ≤ 2
    metrics.popReported(report('not-found', 45_000, 'host-page')); // +Inf only
    const body = await text(metrics);
    const bucket = (outcome: string, le: string) =>
      sampleValue(body, 'uhw_time_to_pop_seconds_bucket', { outcome, le });
    expect(bucket('found', '0.05')).toBe(2);
    expect(bucket('found', '0.1')).toBe(3);
    expect(bucket('found', '1.5')).toBe(3);
    expect(bucket('found', '2')).toBe(4);
    expect(bucket('found', '+Inf')).toBe(4);
    expect(bucket('not-found', '30')).toBe(0);
    expect(bucket('not-found', '+Inf')).toBe(1);
    expect(sampleValue(body, 'uhw_time_to_pop_seconds_sum', { outcome: 'found' })).toBeCloseTo(1.941, 6);
    expect(sampleValue(body, 'uhw_time_to_pop_seconds_count', { outcome: 'not-found' })).toBe(1);
    // The buckets span what an agent can experience: 50 ms to 30 s.
    expect(TIME_TO_POP_BUCKETS.at(0)).toBe(0.05);
    expect(TIME_TO_POP_BUCKETS.at(-1)).toBe(30);
  });

  it('counts pop reports by outcome and a bounded source', async () => {
    const metrics = new Metrics();
    metrics.popReported(report('found', 100, 'gws'));
    metrics.popReported(report('error', 100, 'gws'));
    metrics.popReported(report('found', 100, 'made-up-by-a-caller'));
    metrics.popReported(report('found', 100, 'another-invention'));
    metrics.popReported(report('found', 100));
    const body = await text(metrics);
    const reports = (outcome: string, source: string) =>
      sampleValue(body, 'uhw_pop_reports_total', { outcome, source });
    expect(reports('found', 'gws')).toBe(1);
    expect(reports('error', 'gws')).toBe(1);
    expect(reports('found', 'other')).toBe(2);
    expect(reports('found', 'unknown')).toBe(1);
    const sources = parseSamples(body)
      .filter((sample) => sample.name === 'uhw_pop_reports_total')
      .map((sample) => sample.labels.source);
    expect(sources).not.toContain('made-up-by-a-caller');
  });

  it('maps sources to a fixed set', () => {
    expect(['gws', 'host-page', 'deep-link', 'wwe', 'x', undefined].map(popSource)).toEqual([
      'gws',
      'host-page',
      'deep-link',
      'wwe',
      'other',
      'unknown',
    ]);
  });

  it('follows open feed streams', async () => {
    const metrics = new Metrics();
    metrics.sseSubscribers.inc();
    metrics.sseSubscribers.inc();
    metrics.sseSubscribers.dec();
    expect(sampleValue(await text(metrics), 'uhw_feed_sse_subscribers')).toBe(1);
  });

  it('times upstream requests by transport and counts them by outcome', async () => {
    const metrics = new Metrics();
    metrics.upstreamRequest('soap', 'found', 0.004);
    metrics.upstreamRequest('soap', 'timeout', 5.002);
    const body = await text(metrics);
    const bucket = (le: string) =>
      sampleValue(body, 'uhw_uniphore_request_duration_seconds_bucket', { transport: 'soap', le });
    expect(bucket('0.005')).toBe(1);
    expect(bucket('5')).toBe(1);
    expect(bucket('10')).toBe(2);
    expect(sampleValue(body, 'uhw_uniphore_requests_total', { transport: 'soap', outcome: 'timeout' })).toBe(
      1,
    );
  });

  it('reads readiness at each scrape', async () => {
    const metrics = new Metrics();
    let ready = false;
    metrics.observeReadiness(async () => ready);
    expect(sampleValue(await text(metrics), 'uhw_ready')).toBe(0);
    ready = true;
    expect(sampleValue(await text(metrics), 'uhw_ready')).toBe(1);
  });

  it('keeps a registry of its own, with Node process metrics only when asked', async () => {
    const plain = new Metrics();
    const full = new Metrics({ defaultMetrics: true });
    expect(plain.registry).not.toBe(full.registry);
    expect(await text(plain)).not.toContain('process_cpu_seconds_total');
    expect(await text(full)).toContain('process_cpu_seconds_total');
    expect(await text(full)).toContain('nodejs_eventloop_lag_seconds');
    // Every metric of ours carries the prefix.
    const ours = parseSamples(await text(plain)).map((sample) => sample.name);
    expect(ours.filter((name) => !name.startsWith('uhw_'))).toEqual([]);
  });
});
