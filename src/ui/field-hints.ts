/**
 * One plain sentence per Build field, from the message catalog (src/i18n/messages/en/hints.ts), keyed
 * `hint.<AWS name>` by the AWS name its label shows in AWS's words (the `words(story, aws)` label's
 * second half), for the fields whose form gives no hint of its own.
 */
import { HINTS } from '../i18n/messages/en/hints.ts';
import { type MessageId, T } from '../i18n/messages.ts';

type HintId = keyof typeof HINTS;

function isHintId(id: string): id is HintId & MessageId {
  return id in HINTS;
}

/** The field's plain sentence for the AWS name its label shows ('' for a field with none). */
export function plainHint(aws: string): string {
  const id = `hint.${aws}`;
  return isHintId(id) ? T.t(id) : '';
}
