// An OTLP/HTTP collector for the tracing-on figure: accepts every export and keeps only a count of
// the spans in it. It runs in a process of its own, so its CPU never counts as the proxy's.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const SINK = `
let spans = 0;
const server = require('node:http').createServer((req, res) => {
  if (req.method === 'GET') return void res.end(JSON.stringify({ spans }));
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    spans += body.split('"spanId"').length - 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

export interface OtlpSink {
  /** The endpoint to set as OTEL_EXPORTER_OTLP_ENDPOINT. */
  url: string;
  /** Spans received so far. */
  spans(): Promise<number>;
  close(): Promise<void>;
}

export async function startOtlpSink(): Promise<OtlpSink> {
  const child = spawn(process.execPath, ['-e', SINK], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await createInterface({ input: child.stdout })
    [Symbol.asyncIterator]()
    .next()
    .then((first) => [first.value as string | undefined]);
  if (!line) throw new Error('OTLP sink did not start');
  const url = `http://127.0.0.1:${line.trim()}`;
  return {
    url,
    spans: async () => ((await (await fetch(url)).json()) as { spans: number }).spans,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
