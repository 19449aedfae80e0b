export * from './format.errors';
export * from './vast.writer';
export * from './interstitials.writer';
export * from './break-points';
