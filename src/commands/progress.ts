// Progress of long command-line work, on standard error so that standard output stays the result.
export function progressLine(): ((stage: string, done: number, total: number) => void) & { done(): void } {
  const tty = process.stderr.isTTY;
  let last = '';
  const show = (stage: string, done: number, total: number) => {
    const line = `${stage}: ${done}/${total}`;
    if (line === last) return;
    last = line;
    if (tty) process.stderr.write(`\r${line}   `);
    else if (done === total || done % Math.max(1, Math.round(total / 10)) === 0)
      process.stderr.write(`${line}\n`);
  };
  return Object.assign(show, {
    done() {
      if (tty && last) process.stderr.write('\n');
    },
  });
}
