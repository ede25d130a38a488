// The drizzle store on D1 (workerd, local D1) passes every aggregate's Store contract, as on better-sqlite3.
import { storeContracts } from '../store/contracts.ts';
import { openDatabase } from './d1-database.ts';

storeContracts('drizzle on D1', openDatabase);
