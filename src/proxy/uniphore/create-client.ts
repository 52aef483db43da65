import type { Config } from '../config';
import type { FetchLike, UniphoreClient } from './client';
import { createRestClient } from './rest';
import { createSoapClient } from './soap';

export function createUniphoreClient(config: Config['uniphore'], fetchFn?: FetchLike): UniphoreClient {
  const options = {
    url: config.url,
    accountId: config.accountId,
    apiVersion: config.apiVersion,
    tenantId: config.tenantId,
    applicationKey: config.applicationKey.reveal(),
    environmentName: config.environmentName,
    timeoutMs: config.timeoutMs,
    ...(fetchFn ? { fetch: fetchFn } : {}),
  };
  return config.transport === 'soap' ? createSoapClient(options) : createRestClient(options);
}
