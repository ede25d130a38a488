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

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(name && name !== '--help' ? `Unknown command: ${name}\n${usage()}` : usage());
  process.exitCode = name && name !== '--help' ? 2 : 0;
} else {
  const module = await command.load();
  process.exitCode = await module.run(args);
}
