// A throwaway certificate for 127.0.0.1 and localhost (self-signed, protects nothing), so the
// simulated Uniphore and its history pages can be served over HTTPS: the proxy trusts it through
// NODE_EXTRA_CA_CERTS=src/simulator/tls/simulator-cert.pem, as it would trust a private CA.
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const SIMULATOR_CERT_PATH = new URL('./simulator-cert.pem', import.meta.url).pathname;

export const simulatorTls = () => ({
  cert: readFileSync(SIMULATOR_CERT_PATH),
  key: readFileSync(new URL('./simulator-key.pem', import.meta.url)),
});

/**
 * The SHA-256 of the certificate's public key, base64: what Chromium's
 * `--ignore-certificate-errors-spki-list` takes to trust it as a real site's, with no certificate error
 * (an ignored error costs Chromium a second TLS handshake per connection, which no real site pays).
 */
export const simulatorCertSpki = (): string =>
  createHash('sha256')
    .update(
      new X509Certificate(readFileSync(SIMULATOR_CERT_PATH)).publicKey.export({
        type: 'spki',
        format: 'der',
      }),
    )
    .digest('base64');
