// A throwaway certificate for 127.0.0.1 and localhost (self-signed, protects nothing), so the
// simulated Uniphore and its history pages can be served over HTTPS: the proxy trusts it through
// NODE_EXTRA_CA_CERTS=src/simulator/tls/simulator-cert.pem, as it would trust a private CA.
import { readFileSync } from 'node:fs';

export const SIMULATOR_CERT_PATH = new URL('./simulator-cert.pem', import.meta.url).pathname;

export const simulatorTls = () => ({
  cert: readFileSync(SIMULATOR_CERT_PATH),
  key: readFileSync(new URL('./simulator-key.pem', import.meta.url)),
});
