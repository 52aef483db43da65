// The pseudo-locale, made from the English catalog at build time: every literal letter accented,
// vowels doubled (about a third longer, as many real translations of English are), and each message
// in [brackets], so that a text that bypasses the catalogs, or a layout that clips a longer text,
// shows. Lingui's compiler maps only literal text, so placeholders, plurals and selects stay intact.
import { type CompiledMessage, compileMessageOrThrow } from '@lingui/message-utils/compileMessage';

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = [...'áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'];
const VOWELS = 'aeiouAEIOU';

export function pseudoText(text: string): string {
  let out = '';
  for (const char of text) {
    const index = PLAIN.indexOf(char);
    const accented = index < 0 ? char : (ACCENTED[index] ?? char);
    out += VOWELS.includes(char) ? accented + accented : accented;
  }
  return out;
}

export function compilePseudo(message: string): CompiledMessage {
  return ['[', ...compileMessageOrThrow(message, pseudoText), ']'];
}
