// The contract table against a local Uniphore that answers as the seed documents.
import { runUniphoreContract } from './support/uniphore-contract';
import { LocalUniphore } from './support/uniphore-upstream';

runUniphoreContract(() => new LocalUniphore().start());
