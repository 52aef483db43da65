// Runs `fixedRate` in a process of its own, so that the client's work does not share the event loop
// (and the core) of the server it measures: `node --import tsx bench/load-generator.ts URL RATE SECONDS [HEADERS_JSON]`.
import { fixedRate } from './fixed-rate';

const [url, rate, seconds, headers] = process.argv.slice(2);
if (!url || !rate || !seconds) throw new Error('usage: load-generator URL RATE SECONDS [HEADERS_JSON]');
const result = await fixedRate(url, headers ? JSON.parse(headers) : {}, Number(rate), Number(seconds));
process.stdout.write(`${JSON.stringify(result)}\n`);
