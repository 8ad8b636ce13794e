/**
 * What a copy from a terminal brings along with an access error: colour codes, the prompt line
 * with the command typed, prefixes such as Git's `remote:`, and several fields run into one line.
 */

/** The longest text read; the rest of a longer paste is ignored. */
export const MAX_INPUT = 20_000;

/** Terminal colours and other control sequences, when copied with the text. */
const ANSI =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007|[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
/** A line that is a command typed at a prompt (`$ git push`, `mia@laptop:~/app$ …`, `PS C:\>`). */
const PROMPT = /^(?:[\w.-]+@[\w.-]+(?::\S*)?\s?[$#%]|[$%❯➜λ]|PS [^>]*>)(?:\s|$)/;
/** Prefixes around a copied line: Git's `remote:`, quoting `>`, a log's time and level. */
const PREFIX =
  /^(?:remote:\s*|>\s*|\|\s*|\[?\d{4}-\d\d-\d\d[T ][\d:.]+Z?\]?\s*|\[(?:error|err|warn)\]\s*)/i;
/** Fields that follow each other on one line ("Access denied. Parameters: {…}"). */
const NEXT_FIELD = /\s+(?=(?:service|user|parameters|detail)\s*:\s)/i;

/** The pasted text as lines, without the noise around them (prompts dropped, prefixes peeled). */
export function stripNoise(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text
    .slice(0, MAX_INPUT)
    .replace(ANSI, '')
    .split(/\r?\n|\r/)) {
    let line = raw.trim();
    if (PROMPT.test(line)) continue;
    for (let before = ''; before !== line;) {
      before = line;
      line = line.replace(PREFIX, '').trim();
    }
    lines.push(...line.split(NEXT_FIELD).map((part) => part.trim()));
  }
  return lines;
}
