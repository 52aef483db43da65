// `npm run captures:samples`: redacts the sample captures (sample-captures.ts) into the JSON files
// the e2e suite replays. Each run draws a new key, so the pseudonyms change: commit the result.
import { writeFileSync } from 'node:fs';
import { captureProblem } from '../../shared/capture';
import { redactCapture } from '../../shared/capture-redact';
import { SAMPLE_CAPTURES } from './sample-captures';

for (const [name, capture] of Object.entries(SAMPLE_CAPTURES)) {
  const redacted = await redactCapture(capture);
  const problem = captureProblem(redacted);
  if (problem) throw new Error(`${name}: ${problem}`);
  const file = new URL(`./${name}.json`, import.meta.url);
  writeFileSync(file, `${JSON.stringify(redacted, null, 2)}\n`);
  console.log(`${file.pathname}: ${redacted.entries.length} entries`);
}
