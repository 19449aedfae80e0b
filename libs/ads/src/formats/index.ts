export * from './format.errors';
export * from './vast.writer';
