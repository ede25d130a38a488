// A command's arguments: parsed, or the reason they are wrong printed above the command's usage.

/** The parsed arguments, or undefined once the reason and the usage are printed (the command exits 2). */
export function parsedOrUsage<T>(usage: string, parse: () => T): T | undefined {
  try {
    return parse();
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    return undefined;
  }
}
