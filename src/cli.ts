// `phieukin <command>`: each command lives in src/commands/<command>.ts and is loaded only when asked
// for, so `phieukin verify` pulls in crypto/ and the rules, never the server.
type Command = { summary: string; load: () => Promise<{ run(args: string[]): Promise<number> }> };

const commands: Record<string, Command> = {
  verify: {
    summary: 'verify FILE [--json]               check a meeting record (SPEC §8)',
    load: () => import('./commands/verify.ts'),
  },
  demo: {
    summary: 'demo --voters N --questions M ...   run a whole meeting in-process and write its record',
    load: () => import('./commands/demo.ts'),
  },
  rules: {
    summary: 'rules FILE [--json] [--lang vi|en]  apply a rule set to a tally (docs/rules.md)',
    load: () => import('./commands/rules.ts'),
  },
  paper: {
    summary: 'paper print|read ...                paper ballots: print them as a PDF, read marked pages',
    load: () => import('./commands/paper.ts'),
  },
  serve: {
    summary: 'serve                               serve the app (PORT, PHIEUKIN_DB; what npm start runs)',
    load: () => import('./commands/serve.ts'),
  },
  simulate: {
    summary: 'simulate --url URL --voters N ...   play a whole meeting against a server over HTTP',
    load: () => import('./commands/simulate.ts'),
  },
};

function usage(): string {
  const lines = Object.values(commands).map((c) => `  phieukin ${c.summary}`);
  return ['Usage:', ...lines].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help') {
    console.error(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Không có lệnh / unknown command: ${name}\n${usage()}`);
    return 2;
  }
  return (await command.load()).run(args);
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
