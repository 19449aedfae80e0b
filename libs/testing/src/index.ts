export * from './clip.generator';
export * from './free-port';
