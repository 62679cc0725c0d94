export * from './access-levels';
export * from './countries';
export * from './error-codes';
export * from './locales';
export * from './passwords';
export * from './registration';
export * from './user-errors';
export * from './validation';
