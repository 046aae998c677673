import { runExtract } from './extract';
import { runEstimate } from './estimate';
import { runPage } from './page';

const USAGE = [
  'usage: cli <command> [...]',
  '  extract PAGE.html --url URL            print the items read from a saved page as JSON',
  '  estimate [FILE.jsonl] [--home XX]      one JSON estimate per JSON line of items (stdin without a file)',
  '  page PAGE.html --url URL [--home XX]   extract and estimate, print a table',
].join('\n');

const commands: Record<string, (args: string[]) => number | Promise<number>> = {
  extract: runExtract,
  estimate: runEstimate,
  page: runPage,
};

async function main(): Promise<number> {
  const name = process.argv[2];
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  return command(process.argv.slice(3));
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
