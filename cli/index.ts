import { runExtract } from './extract';

const USAGE = 'usage: cli <command> [...]\n  extract PAGE.html --url URL   print the items read from a saved page as JSON';

const commands: Record<string, (args: string[]) => number | Promise<number>> = {
  extract: runExtract,
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
