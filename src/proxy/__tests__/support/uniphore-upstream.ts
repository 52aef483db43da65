// A tiny Uniphore (REST + SOAP) on a real socket that answers exactly as the seed documents, and
// checks what it receives (path, encoding, headers, envelope) the way a strict server would.
import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import type { UniphoreTransport } from '../../config';
import type { Env } from './env';
import type { ContractScenario, UniphoreUpstreamDriver } from './uniphore-contract';

export const SEED_UNIQUE_ID = '4df73e86-b7df-45da-b823-ed1f980d430b';

const CREDENTIALS = {
  accountId: '12345678',
  apiVersion: '2',
  tenantId: 'tenant-42',
  applicationKey: 'UPSTREAM-KEY-93b1c5e7-NEVER-SHOWN',
  environmentName: 'prod-env',
};

/** The seed's 401 body, trailing comma included: the proxy must not need it to be valid JSON. */
const UNAUTHORIZED_JSON = `{
"code":"0x7000000",
"message": "Request is unauthorized, missing or wrong credentials",
"moreInfoUrl":"http://support.uniphore.com",
}`;

const soapEnvelope = (body: string) =>
  `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">
<SOAP-ENV:Header/>
<SOAP-ENV:Body>
${body}
</SOAP-ENV:Body>
</SOAP-ENV:Envelope>`;

const soapUniqueId = (text: string) =>
  soapEnvelope(`<ns2:GetInteractionUniqueIdResponse xmlns:ns2="http://com/jacada/interact/agent/soap">
<ns2:uniqueId>${text}</ns2:uniqueId>
</ns2:GetInteractionUniqueIdResponse>`);

const soapFault = (code: string, text: string) =>
  soapEnvelope(`<SOAP-ENV:Fault>
<faultcode>${code}</faultcode>
<faultstring>${text}</faultstring>
</SOAP-ENV:Fault>`);

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const requestParser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: true });

interface Lookup {
  attribute: string;
  value: string;
}

export class LocalUniphore implements UniphoreUpstreamDriver {
  readonly name = 'local node:http Uniphore';
  #server = http.createServer((req, res) => void this.#handle(req, res));
  #scenario: ContractScenario = 'found';
  #requests = 0;
  #aborted = 0;
  #protocolErrors: string[] = [];
  #port = 0;

  async start(): Promise<this> {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    this.#port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  get credentials() {
    return CREDENTIALS;
  }

  async arrange(scenario: ContractScenario, _transport: UniphoreTransport) {
    this.#scenario = scenario;
    this.#requests = 0;
    this.#aborted = 0;
    this.#protocolErrors = [];
    const env: Env = {
      UNIPHORE_URL: this.url,
      UNIPHORE_ACCOUNT_ID: CREDENTIALS.accountId,
      UNIPHORE_API_VERSION: CREDENTIALS.apiVersion,
      UNIPHORE_TENANT_ID: CREDENTIALS.tenantId,
      UNIPHORE_APPLICATION_KEY: CREDENTIALS.applicationKey,
      UNIPHORE_ENVIRONMENT_NAME: CREDENTIALS.environmentName,
    };
    if (scenario === 'unauthorized') env.UNIPHORE_APPLICATION_KEY = 'WRONG-KEY-5a8d0c2e-ALSO-SECRET';
    if (scenario === 'refused') env.UNIPHORE_URL = `http://127.0.0.1:${await closedPort()}`;
    return {
      env,
      uniqueId: SEED_UNIQUE_ID,
      secrets: [CREDENTIALS.applicationKey, 'WRONG-KEY-5a8d0c2e-ALSO-SECRET'],
    };
  }

  requests(): number {
    return this.#requests;
  }

  aborted(): number {
    return this.#aborted;
  }

  /** Requests a strict server would have refused (wrong path, headers or envelope). */
  protocolErrors(): readonly string[] {
    return this.#protocolErrors;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  #reject(res: ServerResponse, why: string) {
    this.#protocolErrors.push(why);
    res.writeHead(400, { 'content-type': 'text/plain' }).end(why);
  }

  #authorized(req: IncomingMessage): boolean {
    return (
      req.headers['tenant-id'] === CREDENTIALS.tenantId &&
      req.headers['application-key'] === CREDENTIALS.applicationKey &&
      req.headers['environment-name'] === CREDENTIALS.environmentName
    );
  }

  async #handle(req: IncomingMessage, res: ServerResponse) {
    this.#requests++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const rawPath = req.url ?? '';

    const restMatch =
      /^\/interact\/agent\/version\/([^/]+)\/account\/([^/]+)\/uniqueId\/([^/]+)\/([^/?]+)$/.exec(rawPath);
    if (restMatch) {
      if (req.method !== 'GET') return this.#reject(res, `REST method ${req.method}`);
      const [, version, account, attribute = '', encoded = ''] = restMatch;
      if (version !== CREDENTIALS.apiVersion || account !== CREDENTIALS.accountId)
        return this.#reject(res, 'REST path');
      if (encoded !== encodeURIComponent(decodeURIComponent(encoded)))
        return this.#reject(res, `REST value encoding ${encoded}`);
      return this.#answerRest(req, res, { attribute, value: decodeURIComponent(encoded) });
    }
    if (rawPath === `/interact/version/${CREDENTIALS.apiVersion}/agent/soap`) {
      if (req.method !== 'POST') return this.#reject(res, `SOAP method ${req.method}`);
      if (req.headers['content-type'] !== 'text/xml; charset=utf-8')
        return this.#reject(res, 'SOAP content-type');
      if (req.headers.soapaction !== '""') return this.#reject(res, 'SOAPAction');
      const lookup = parseRequestEnvelope(body);
      if (!lookup) return this.#reject(res, 'SOAP envelope');
      return this.#answerSoap(req, res, lookup);
    }
    // Readiness probes and anything else.
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
  }

  #common(req: IncomingMessage, res: ServerResponse): boolean {
    switch (this.#scenario) {
      case 'slow':
        res.on('close', () => {
          if (!res.writableEnded) this.#aborted++;
        });
        return true;
      case 'reset':
        req.socket.resetAndDestroy();
        return true;
      default:
        return false;
    }
  }

  #answerRest(req: IncomingMessage, res: ServerResponse, { attribute }: Lookup) {
    if (this.#common(req, res)) return;
    if (!this.#authorized(req)) {
      res
        .writeHead(401, {
          'content-type': 'application/json',
          'unauthenticated-reason': 'Invalid application key',
        })
        .end(UNAUTHORIZED_JSON);
      return;
    }
    const text = (status: number, body: string, type = 'text/plain') =>
      res.writeHead(status, { 'content-type': type }).end(body);
    switch (this.#scenario) {
      case 'found':
        return text(200, SEED_UNIQUE_ID);
      case 'not_found':
        return text(404, `UUID for attribute ${attribute} was not found`);
      case 'not_found_in_200':
        return text(200, `UUID for attribute ${attribute} was not found`);
      case 'server_error':
        return text(500, 'Internal Server Error');
      case 'malformed':
        return text(200, '<html><body><h1>Sign in</h1></body></html>', 'text/html');
      case 'empty_id':
        return text(200, '');
      default:
        return text(500, `unexpected scenario ${this.#scenario}`);
    }
  }

  #answerSoap(req: IncomingMessage, res: ServerResponse, { value }: Lookup) {
    if (this.#common(req, res)) return;
    const xml = (status: number, body: string) =>
      res.writeHead(status, { 'content-type': 'text/xml;charset=utf-8' }).end(body);
    if (!this.#authorized(req)) {
      return xml(500, soapFault('0x7000000', 'Request is unauthorized, missing or wrong credentials'));
    }
    switch (this.#scenario) {
      case 'found':
        return xml(200, soapUniqueId(SEED_UNIQUE_ID));
      case 'not_found':
      case 'not_found_in_200':
        return xml(200, soapUniqueId(`UUID for history search ${xmlText(value)} was not found`));
      case 'server_error':
        return xml(500, soapFault('SOAP-ENV:Server', 'java.lang.NullPointerException'));
      case 'malformed':
        return xml(200, soapUniqueId(SEED_UNIQUE_ID).slice(0, 120));
      case 'empty_id':
        return xml(200, soapUniqueId(''));
      default:
        return xml(500, soapFault('SOAP-ENV:Server', `unexpected scenario ${this.#scenario}`));
    }
  }
}

function parseRequestEnvelope(body: string): Lookup | undefined {
  try {
    const doc = requestParser.parse(body) as {
      Envelope?: {
        Body?: { GetInteractionUniqueIdRequest?: { searchCreteria?: unknown; searchValue?: unknown } };
      };
    };
    const request = doc.Envelope?.Body?.GetInteractionUniqueIdRequest;
    if (typeof request?.searchCreteria !== 'string' || typeof request.searchValue !== 'string')
      return undefined;
    return { attribute: request.searchCreteria, value: request.searchValue };
  } catch {
    return undefined;
  }
}

/** A loopback port with nothing listening: connections to it are refused. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
