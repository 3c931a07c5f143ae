/**
 * `--output json`: json.dump(response, indent=4, ensure_ascii=False) and a newline; nothing at all for
 * an empty response (awscli formatter.py, JSONFormatter).
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-output-format.html#json-output
 */
import { isDict } from './py-text.ts';

export function formatJson(response: unknown): string {
  if (isDict(response) && Object.keys(response).length === 0) return '';
  return `${JSON.stringify(response, null, 4)}\n`;
}
