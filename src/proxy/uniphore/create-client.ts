import type { Config } from '../config';
import type { UniphoreClient } from './client';
import type { UpstreamHttp } from './http';
import { createRestClient } from './rest';
import { createSoapClient } from './soap';

export function createUniphoreClient(config: Config['uniphore'], http: UpstreamHttp): UniphoreClient {
  const options = {
    url: config.url,
    accountId: config.accountId,
    apiVersion: config.apiVersion,
    tenantId: config.tenantId,
    applicationKey: config.applicationKey.reveal(),
    environmentName: config.environmentName,
    timeoutMs: config.timeoutMs,
    http,
  };
  return config.transport === 'soap' ? createSoapClient(options) : createRestClient(options);
}
