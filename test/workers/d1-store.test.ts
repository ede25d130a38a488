// The drizzle store on D1 (workerd, local D1) passes the same Store contracts as on better-sqlite3.
import { storeContract } from '../store/contract.ts';
import { organisationContract } from '../store/organisation-contract.ts';
import { openDatabase } from './d1-database.ts';

storeContract('drizzle on D1', openDatabase);
organisationContract('drizzle on D1', openDatabase);
