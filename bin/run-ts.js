#!/usr/bin/env node
// Runs one TypeScript file (a benchmark or a script) through tsx's loader: `node bin/run-ts.js FILE [ARGS]`.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [file, ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], file, ...rest];
await import(pathToFileURL(resolve(file)).href);
