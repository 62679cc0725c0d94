export * from './access-levels';
export * from './error-codes';
export * from './locales';
export * from './validation';
