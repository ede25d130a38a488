// Every Workers test file starts on a D1 database with the drizzle/ migrations applied.
import { migrate } from './d1-database.ts';

await migrate();
