/**
 * A Jest setup file for an audit run: every MariaDB data source the suites open runs each transaction's
 * body twice, the first run rolled back at its end as a write conflict would roll it back
 * (rehearseTransactions). A suite that still passes has no body with effects outside the
 * database. Run it over suites with:
 *   npx jest --setupFilesAfterEnv=./test/support/rehearse-every-transaction.ts test/api
 */
import { DataSource } from 'typeorm';
import { rehearseTransactions } from '../../src/database/transaction';

const initialize = DataSource.prototype.initialize;
DataSource.prototype.initialize = async function rehearsing(this: DataSource) {
  const dataSource = await initialize.call(this);
  // SQLite has one connection: a rolled-back run would also undo the bare statements that other
  // work ran on it meanwhile, which says nothing about the body
  if (dataSource.options.type !== 'better-sqlite3') rehearseTransactions(dataSource);
  return dataSource;
};
